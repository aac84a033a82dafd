import { PURPOSES, type Credentials, type Purpose } from "./client.js";

// sessionStorage only (issue 16): the token is gone when the tab is closed, and no other tab reads it.
const TOKEN_KEY = "ecofed.token";
const PURPOSE_KEY = "ecofed.purpose";

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token === null) sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, token);
}

export function storedPurpose(): Purpose {
  const value = sessionStorage.getItem(PURPOSE_KEY);
  return PURPOSES.find((p) => p === value) ?? "WORK_REFERENCE";
}

export function storePurpose(purpose: Purpose): void {
  sessionStorage.setItem(PURPOSE_KEY, purpose);
}

export interface Whoami {
  readonly unit: string;
  readonly principal: string;
  readonly roles: readonly string[];
  readonly purpose: Purpose | null;
  readonly credential: string;
}

export interface Session extends Credentials {
  readonly who: Whoami;
}

export const hasRole = (session: Session, role: string): boolean => session.who.roles.includes(role);

export const WHOAMI = `{ whoami { unit principal roles purpose credential } }`;
