import { citizenIdCheckChar } from '../domain/citizen-id.ts';
import { creditCodeCheckChar, orgCodeCheckChar } from '../domain/credit-code.ts';

/**
 * Valid identifiers for synthetic people and companies, built with the domain's check-character
 * functions (GB 11643, GB 11714, GB 32100). Pure.
 */

/** An 18-digit citizen ID: region (6) + birth date (8) + sequence (3, odd = male) + check. */
export function makeCitizenId(region: string, birthDate: string, sequence: number): string {
  const body = `${region}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return body + citizenIdCheckChar(body);
}

/** The legacy 15-digit form of an 18-digit ID, or undefined when the holder was not born 1900–1999. */
export function toLegacyId(id18: string): string | undefined {
  return id18.slice(6, 8) === '19' ? id18.slice(0, 6) + id18.slice(8, 17) : undefined;
}

/**
 * A unified social credit code: 9 (registered by market regulation) + 1 (enterprise) + region (6)
 * + organisation code (8 digits + GB 11714 check) + GB 32100 check.
 */
export function makeCreditCode(region: string, orgBody8: string): string {
  const body = `91${region}${orgBody8}${orgCodeCheckChar(orgBody8) ?? '0'}`;
  return body + creditCodeCheckChar(body);
}

/** `330102********1234`: the public lists' mask (first 6 and last 4 visible). */
export function maskCitizenId(id: string): string {
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}
