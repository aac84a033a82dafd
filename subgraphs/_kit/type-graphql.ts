// type-graphql's decorators read reflect-metadata when a class is defined, so the polyfill
// must load before any unit's types: every subgraph file takes type-graphql from here.
import "reflect-metadata";

export * from "type-graphql";
