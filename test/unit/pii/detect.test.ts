import { describe, expect, it } from 'vitest';
import { detectPii } from '../../../src/core/pii/detect.ts';

/** Detection on a column whose every value is distinct (rowCount = distinct = values.length). */
function detectUnique(name: string, values: string[]) {
  return detectPii(name, values, values.length, new Set(values).size);
}

const EMAILS = ['ann.lee@example.com', 'bob@mail.org', 'c.diaz@uni.edu', 'dora+news@web.de', 'eve_99@corp.co.uk', 'f.g@x.io'];
const FIRST = ['James', 'Mary', 'Robert', 'Patricia', 'Michael', 'Linda', 'William', 'Barbara', 'David', 'Susan'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez'];
const FULL = ['James Smith', 'Mary Johnson', 'Dr. Robert Williams', 'Patricia Brown Jr.', 'Jones, Michael', 'Linda Garcia', 'William Miller', 'Barbara Davis'];
const PHONES = ['(212) 555-0143', '+1 415 555 0199', '030-1234567', '+49 30 901820', '555.867.5309', '(0) 20 7946 0958'];
const STREETS = ['12 Oak Street', '7 Elm Avenue', '1600 Pennsylvania Avenue NW', '221B Baker St', 'Hauptstraße 5', '42 Sunset Blvd'];
const CITIES = ['Boston', 'Chicago', 'Denver', 'Seattle', 'Austin', 'Portland', 'Phoenix', 'Atlanta'];
const COUNTRIES = ['Germany', 'France', 'United States', 'Japan', 'Brazil', 'Canada', 'India', 'Mexico'];
const UUIDS = ['3fa85f64-5717-4562-b3fc-2c963f66afa6', '9b2d7f1e-0c4a-4f7e-8a8e-2f1b6c0d9e11', 'c56a4180-65aa-42ec-a945-5fd21dec0538', '123e4567-e89b-12d3-a456-426614174000'];
const IPS = ['192.168.0.1', '10.0.0.254', '172.16.254.3', '8.8.8.8', '255.255.255.0', '127.0.0.1'];
const URLS = ['https://example.com/u/123', 'http://blog.example.org', 'https://www.site.net/path?q=1', 'www.example.co.uk/about'];
/** Test card numbers from the card networks' published test ranges (all pass Luhn). */
const CARDS = ['4111 1111 1111 1111', '5500-0000-0000-0004', '3400 000000 00009', '6011000000000004', '4012888888881881', '5105105105105100'];

describe('detectPii: each kind from values alone (neutral header)', () => {
  const cases: [string, string[]][] = [
    ['email', EMAILS], ['first_name', FIRST], ['last_name', LAST], ['full_name', FULL], ['phone', PHONES],
    ['street_address', STREETS], ['city', CITIES], ['country', COUNTRIES], ['uuid', UUIDS], ['ipv4', IPS],
    ['url', URLS], ['credit_card', CARDS],
  ];
  for (const [kind, values] of cases) {
    it(`recognises ${kind}`, () => {
      const d = detectPii('col_7', values, values.length * 3, values.length);
      expect(d?.kind).toBe(kind);
      expect(d!.confidence).toBeGreaterThanOrEqual(0.75);
      expect(d!.reason.length).toBeGreaterThan(10);
    });
  }

  it('recognises UK and Canadian postal codes by their shape', () => {
    expect(detectPii('c', ['SW1A 1AA', 'EC1A 1BB', 'W1A 0AX', 'M1 1AE', 'B33 8TH', 'CR2 6XH'], 20, 6)?.kind).toBe('postal_code');
    expect(detectPii('c', ['K1A 0B1', 'M5V 3L9', 'H2X 1Y4', 'V6B 4Y8', 'T2P 2M5'], 20, 5)?.kind).toBe('postal_code');
  });
});

describe('detectPii: the header adds confidence or decides alone', () => {
  it('a matching header raises the confidence', () => {
    const plain = detectPii('c', EMAILS, 6, 6)!;
    const named = detectPii('contactEmail', EMAILS, 6, 6)!;
    expect(named.kind).toBe('email');
    expect(named.confidence).toBeGreaterThan(plain.confidence);
    expect(named.reason).toContain('email');
  });

  it('a phone header with bare digit strings is a phone column, with lower confidence', () => {
    const d = detectPii('mobile_phone', ['4155550199', '2125550143', '3125550111', '6175550123'], 4, 4);
    expect(d?.kind).toBe('phone');
    expect(d!.confidence).toBeGreaterThanOrEqual(0.5);
    expect(d!.confidence).toBeLessThan(0.75);
  });

  it('a header that the values contradict says nothing', () => {
    expect(detectPii('email_count', ['0', '3', '1', '7', '2'], 100, 5)).toBeNull();
    expect(detectPii('phone', ['1.5', '2.25', '3.0'], 100, 3)).toBeNull();
  });

  it("a product's 'name' is not a person's name", () => {
    expect(detectPii('product_name', ['Widget', 'Gadget Pro', 'Thingamajig XL'], 30, 3)).toBeNull();
  });
});

describe('detectPii: tricky cases', () => {
  it('numeric ids: unique whole numbers, dense like a sequence', () => {
    const ids = Array.from({ length: 200 }, (_, i) => String(1000 + i * 1 + (i % 3)));
    const unique = [...new Set(ids)];
    const d = detectPii('row', unique, unique.length, unique.length);
    expect(d?.kind).toBe('identifier');
  });

  it('amounts are not ids: decimals, or repeats', () => {
    const amounts = Array.from({ length: 100 }, (_, i) => (10 + i * 1.37).toFixed(2));
    expect(detectUnique('amount', amounts)).toBeNull();
    const whole = ['10', '25', '10', '40', '25', '99'];
    expect(detectPii('price', [...new Set(whole)], 600, 4)).toBeNull();
  });

  it("unique but sparse whole numbers (Adult's fnlwgt) are not ids without an id header", () => {
    const sparse = ['77516', '83311', '215646', '234721', '338409', '284582', '160187', '209642', '45781', '159449'];
    expect(detectUnique('fnlwgt', sparse)).toBeNull();
    expect(detectUnique('customer_id', sparse)?.kind).toBe('identifier');
  });

  it('text codes with digits, unique: identifier; repeated under an id header: a weaker identifier', () => {
    const codes = Array.from({ length: 50 }, (_, i) => `C-${String(i + 1).padStart(5, '0')}`);
    const d = detectUnique('col', codes);
    expect(d?.kind).toBe('identifier');
    expect(d!.confidence).toBeGreaterThanOrEqual(0.8);
    const fk = detectPii('customer_id', codes.slice(0, 10), 500, 10);
    expect(fk?.kind).toBe('identifier');
    expect(fk!.confidence).toBeLessThan(0.75);
  });

  it('zip codes with leading zeros kept as text are postal codes, even without a header', () => {
    const zips = ['02134', '02139', '10001', '06511', '94105', '00501', '02134', '33101'];
    const distinct = [...new Set(zips)];
    const d = detectPii('col', distinct, 400, distinct.length);
    expect(d?.kind).toBe('postal_code');
    const named = detectPii('zip', distinct, 400, distinct.length)!;
    expect(named.kind).toBe('postal_code');
    expect(named.confidence).toBeGreaterThan(d!.confidence);
  });

  it('unique 5-digit codes under a zip header stay postal codes (not identifiers)', () => {
    const zips = ['02134', '02139', '10001', '06511', '94105', '00501'];
    expect(detectUnique('zip_code', zips)?.kind).toBe('postal_code');
  });

  it('a column of Luhn-valid numbers is card-like; random 16-digit numbers are not', () => {
    expect(detectUnique('c', CARDS)?.kind).toBe('credit_card');
    // 16-digit numbers of which only one passes Luhn.
    const random = ['4111111111111112', '5500000000000005', '6011000000000001', '4012888888881882', '5105105105105101', '4111111111111111'];
    expect(detectUnique('c', random)?.kind).not.toBe('credit_card');
  });

  it('few repeated categories are not names (race: White / Black)', () => {
    expect(detectPii('race', ['White', 'Black'], 1000, 2)).toBeNull();
    expect(detectPii('sex', ['Male', 'Female'], 1000, 2)).toBeNull();
  });

  it('ordinary categorical and numeric columns are not personal', () => {
    expect(detectPii('plan', ['basic', 'plus', 'premium'], 300, 3)).toBeNull();
    expect(detectPii('age', ['39', '50', '38', '53', '28', '37', '49', '52'], 300, 60)).toBeNull();
    expect(detectPii('churned', ['yes', 'no'], 300, 2)).toBeNull();
  });

  it('country names written with hyphens and a leading space (Adult) are countries', () => {
    const d = detectPii('native-country', [' United-States', ' Mexico', ' Puerto-Rico', ' El-Salvador', ' Germany', ' India'], 1600, 6);
    expect(d?.kind).toBe('country');
  });

  it('look-alikes are not personal: lower-case hex codes, dates, versions, money', () => {
    expect(detectPii('c', ['a3f9c2', 'b7e1d0', 'c4d5e6', 'd9f8a7', 'e1b2c3'], 50, 5)).toBeNull();
    expect(detectPii('c', ['2024-01-01', '2024-01-02', '2024-02-10', '2024-03-15'], 50, 4)).toBeNull();
    expect(detectPii('c', ['1.2.3', '2.0.1', '0.9.8', '3.1.4'], 50, 4)).toBeNull();
    const stamps = Array.from({ length: 30 }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')}T10:00:00Z`);
    expect(detectUnique('c', stamps)).toBeNull();
    expect(detectPii('c', ['$12.50', '$7.00', '$100.25'], 50, 3)).toBeNull();
    expect(detectPii('state', ['California', 'Texas', 'New York', 'Florida', 'Ohio'], 50, 5)).toBeNull();
  });

  it('no values, no detection', () => {
    expect(detectPii('email', [], 10, 0)).toBeNull();
    expect(detectPii('email', ['  ', ''], 10, 0)).toBeNull();
  });
});
