import { checkImports } from "./import-rules.js";

const problems = checkImports(process.cwd());
for (const p of problems) console.error(p);
if (problems.length > 0) process.exit(1);
console.log("dependency direction: ok");
