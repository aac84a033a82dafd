// GB 32100-2015 unified social credit code: 18 characters, the last a check character.
// Positions: 1 registration authority, 2 entity type, 3–8 division code (GB/T 2260),
// 9–17 organisation code (GB 11714, itself with a check character), 18 check.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
function checkCharacter(first17) {
    let sum = 0;
    for (let i = 0; i < 17; i++)
        sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
    return ALPHABET[(31 - (sum % 31)) % 31];
}
function organisationCheck(first8) {
    let sum = 0;
    for (let i = 0; i < 8; i++)
        sum += ALPHABET.indexOf(first8[i]) * ORG_WEIGHTS[i];
    const c = 11 - (sum % 11);
    return c === 10 ? "X" : c === 11 ? "0" : String(c);
}
/** Why `code` is not a valid credit code, or null when it is. */
export function creditCodeProblem(code) {
    if (code.length !== 18)
        return `must be 18 characters, got ${code.length}`;
    if (!SHAPE.test(code))
        return "has characters outside GB 32100 (digits and A–Y without I, O, S, V, Z)";
    if (checkCharacter(code.slice(0, 17)) !== code[17])
        return "check character does not match (GB 32100)";
    return null;
}
/**
 * Builds a valid code for an enterprise (authority 9, type 1) registered in `divisionCode`,
 * from an 8-character organisation serial of digits.
 */
export function makeCreditCode(divisionCode, serial8) {
    if (!/^\d{8}$/.test(serial8))
        throw new Error(`serial must be 8 digits: ${serial8}`);
    const org = serial8 + organisationCheck(serial8);
    const first17 = `91${divisionCode}${org}`;
    return first17 + checkCharacter(first17);
}
//# sourceMappingURL=credit-code.js.map