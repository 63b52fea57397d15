// Profiles are data: checked against their schema, titles verbatim, and the profile in force
// chosen by filer type and fiscal year.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profile as validateProfile } from '../src/model/generated/validators.js';
import { allProfiles, chooseProfile, defaultProfile, getProfile } from '../src/profiles/index.js';
import { ROOT } from './helpers.js';

describe('profile data', () => {
  it('every profile file satisfies schemas/profile.schema.json', () => {
    for (const name of readdirSync(join(ROOT, 'profiles'))) {
      const data = JSON.parse(readFileSync(join(ROOT, 'profiles', name), 'utf8'));
      expect(validateProfile(data), `${name}: ${JSON.stringify(validateProfile.errors)}`).toBe(true);
      expect(`${data.id}.json`).toBe(name);
    }
  });

  it('the filing schema offers exactly the shipped profiles', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', '1', 'filing.schema.json'), 'utf8'));
    expect([...schema.properties.profile.enum].sort()).toEqual(
      allProfiles()
        .map((p) => p.id)
        .sort(),
    );
  });

  it('numbers items 1..n and maps every fact section exactly once', () => {
    const sections = [
      'premises',
      'systems',
      'logReviews',
      'disasterResponses',
      'rules',
      'organisation',
      'managementMeasures',
      'trainings',
      'informationManagement',
      'transactions',
      'compliance',
      'complianceCorrections',
      'monitoring',
      'informationCorrections',
      'transactionCorrections',
      'otherMeasures',
    ];
    for (const p of allProfiles()) {
      expect(p.items.map((i) => i.number)).toEqual(p.items.map((_, i) => i + 1));
      expect(p.items.flatMap((i) => i.sections).sort(), p.id).toEqual([...sections].sort());
    }
  });

  it('quotes the statute titles verbatim (施行規則33条の16, 44条の14)', () => {
    const ippan15 = getProfile('ippan-15')!;
    expect(ippan15.items).toHaveLength(15);
    expect(ippan15.items[2]).toMatchObject({ label: '三', title: '前条第一項第四号の規定により実施した確認の結果' });
    expect(ippan15.items[4]!.title).toBe(
      '前条第一項第六号、第九号、第十号、第十三号、第十五号、第十六号及び第二十号の規定により整備した体制',
    );
    expect(ippan15.items[13]!.title).toBe(
      '前条第一項第十八号の規定により行った監視の結果、記録した取引及び連絡調整の経緯等が、法令等の規定を遵守するものでない場合において、取引及び連絡調整の方法を是正するための措置を講じたときはその内容、当該措置を講じなかったときはその理由',
    );
    const soden = getProfile('soden-13')!;
    expect(soden.items).toHaveLength(13);
    expect(soden.items[10]!.title).toMatch(/^前条第十三号の規定により行った監視の結果、振替供給の業務に関して知り得た情報/);
    expect(soden.items[12]!.title).toMatch(/法第二十七条の十二において読み替えて準用する法第二十三条の四第一項/);
    const ippan13 = getProfile('ippan-13')!;
    expect(ippan13.items.map((i) => i.label).join('')).toBe('①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬');
    expect(ippan13.items[1]!.title).toBe(
      '非公開情報の管理の用に供するシステムの概要（目的外利用の禁止、情報遮断、アクセスログの管理状況）',
    );
  });
});

describe('the profile in force', () => {
  it('is ippan-13 up to 2023 and ippan-15 from 2024 for a general utility', () => {
    expect(defaultProfile('general-td', 2023)?.id).toBe('ippan-13');
    expect(defaultProfile('general-td', 2024)?.id).toBe('ippan-15');
    expect(defaultProfile('general-td', 2030)?.id).toBe('ippan-15');
    expect(defaultProfile('transmission', 2024)?.id).toBe('soden-13');
  });
  it('moves with a profileStart override', () => {
    expect(defaultProfile('general-td', 2024, { 'ippan-15': 2025 })?.id).toBe('ippan-13');
    expect(defaultProfile('general-td', 2025, { 'ippan-15': 2025 })?.id).toBe('ippan-15');
  });
  it('yields to an explicit profile, with a warning when it is not the one in force', () => {
    const explicit = chooseProfile({ filerType: 'general-td', fiscalYear: 2024, profile: 'ippan-13' }, 'en');
    expect(explicit.profile?.id).toBe('ippan-13');
    expect(explicit.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['profile/not-in-force warning']);
    const implicit = chooseProfile({ filerType: 'general-td', fiscalYear: 2024 }, 'en');
    expect(implicit).toMatchObject({ profile: { id: 'ippan-15' }, diagnostics: [] });
  });
  it('rejects a profile for another filer type', () => {
    const choice = chooseProfile({ filerType: 'transmission', fiscalYear: 2024, profile: 'ippan-15' }, 'ja');
    expect(choice.diagnostics[0]).toMatchObject({ code: 'profile/filer-type-mismatch', severity: 'error', pointer: '/profile' });
    expect(choice.diagnostics[0]!.message).toContain('送電事業者');
  });
});
