import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeCsv, parseEmployees } from '../../src/ack/employees-csv.ts';
import { SqliteStore, sqliteFile } from '../../src/ack/sqlite-store.ts';
import { projectRoot } from '../helpers/content-root.ts';

const registries = { units: new Set(['dkko', 'contact-center', 'marketing']), roles: new Set(['auditor', 'unit-coordinator', 'quality-representative']) };

describe('employees CSV from HR', () => {
  it('reads a comma CSV with roles separated by «;»', () => {
    const { employees, problems } = parseEmployees(
      'login,name,unit,roles\nivanov,Иванов Иван,dkko,auditor;unit-coordinator\npetrov,Петров Пётр,contact-center,\n',
      registries,
    );
    expect(problems).toEqual([]);
    expect(employees).toEqual([
      { login: 'ivanov', name: 'Иванов Иван', unit: 'dkko', roles: ['auditor', 'unit-coordinator'] },
      { login: 'petrov', name: 'Петров Пётр', unit: 'contact-center', roles: [] },
    ]);
  });

  it('reads what Excel saves: BOM, «;» between columns, quoted fields with quotes inside, CRLF', () => {
    const text = '\uFEFFlogin;name;unit;roles\r\nivanov;"Иванов ""Ваня"" Иван";dkko;"auditor;unit-coordinator"\r\n';
    const { employees, problems } = parseEmployees(text, registries);
    expect(problems).toEqual([]);
    expect(employees).toEqual([{ login: 'ivanov', name: 'Иванов "Ваня" Иван', unit: 'dkko', roles: ['auditor', 'unit-coordinator'] }]);
  });

  it('reports, by line and in Russian, every row that does not match the registries', () => {
    const text = [
      'login,name,unit,roles',
      'ivanov,Иванов Иван,dkk0,',
      'petrov,Петров Пётр,dkko,auditr',
      'ivanov,Иванов-второй,dkko,',
      ',Без логина,dkko,',
      'sidorova,"Сидорова Анна",dkko,auditor',
    ].join('\n');
    const { employees, problems } = parseEmployees(text, registries);
    expect(problems).toEqual([
      { line: 2, message: 'подразделение «dkk0» не найдено в реестре registries/units.json ни по идентификатору, ни по названию: возможно, «dkko»' },
      { line: 3, message: 'роль «auditr» не найдена в реестре registries/roles.json ни по идентификатору, ни по названию: возможно, «auditor»' },
      { line: 4, message: 'логин «ivanov» уже встречался в строке 2' },
      { line: 5, message: 'нет логина' },
    ]);
    expect(employees.map((e) => e.login)).toEqual(['sidorova']);
  });

  it('names the columns a header lacks', () => {
    expect(parseEmployees('логин,фио\nivanov,Иванов', registries).problems).toEqual([
      {
        line: 1,
        message:
          'в заголовке нет столбцов «unit» (или «подразделение»): первая строка называет столбцы, например «login,name,unit,roles», а в файле «логин,фио»',
      },
    ]);
    expect(parseEmployees('Сотрудник;Отдел\nИванов;dkko', registries).problems[0]!.message).toMatch(/^в заголовке нет столбцов «login» \(или «логин»\):/);
  });

  it('reads HR’s own export: Russian column names in any order, units and roles by their names, no roles column', () => {
    const named = {
      ...registries,
      unitNames: new Map([
        ['Контакт-центр', 'contact-center'],
        ['Департамент качества и клиентского опыта', 'dkko'],
      ]),
      roleNames: new Map([['Аудитор', 'auditor']]),
    };
    const text = '\uFEFFФИО;Подразделение;Учётная запись;Роли\r\nИванов Иван;Контакт-центр;ivanov;Аудитор\r\nПетров Пётр;dkko;petrov;\r\n';
    const { employees, problems } = parseEmployees(text, named);
    expect(problems).toEqual([]);
    expect(employees).toEqual([
      { login: 'ivanov', name: 'Иванов Иван', unit: 'contact-center', roles: ['auditor'] },
      { login: 'petrov', name: 'Петров Пётр', unit: 'dkko', roles: [] },
    ]);
    expect(parseEmployees('Логин,ФИО,Подразделение\nsidorova,Сидорова Анна,Маркетинг\nkozlov,Козлов Олег,Контакт центр\n', named)).toEqual({
      employees: [],
      problems: [
        { line: 2, message: 'подразделение «Маркетинг» не найдено в реестре registries/units.json ни по идентификатору, ни по названию' },
        {
          line: 3,
          message: 'подразделение «Контакт центр» не найдено в реестре registries/units.json ни по идентификатору, ни по названию: возможно, «Контакт-центр»',
        },
      ],
    });
  });

  it('npm run ack -- employees: a file with bad rows changes nothing and exits 1; --skip-invalid loads the rest', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nd-ack-csv-'));
    const file = path.join(dir, 'staff.csv');
    writeFileSync(file, '\uFEFFlogin;name;unit;roles\r\nivanov;Иванов Иван;contact-center;\r\npetrov;Петров Пётр;no-such-unit;\r\n');
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['scripts/ack.ts', 'employees', file, ...args], {
        cwd: projectRoot,
        env: { ...process.env, ND_ACK_DATA: dir },
      }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const refused = await run();
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('staff.csv:3: подразделение «no-such-unit» не найдено в реестре registries/units.json');
    expect(refused.stderr).toContain('строк с ошибками: 1; список сотрудников не изменён');
    const check = () => {
      const store = new SqliteStore(sqliteFile(dir));
      return store.migrate().then(async () => {
        const list = await store.employees();
        await store.close();
        return list.map((e) => e.login);
      });
    };
    expect(await check()).toEqual([]);
    const partial = await run('--skip-invalid');
    expect(partial.code).toBe(0);
    expect(partial.stdout).toContain('сотрудники загружены: всего 1, новых 1, изменённых 0, выбывших 0; пропущено строк с ошибками: 1');
    expect(await check()).toEqual(['ivanov']);
    // Excel's default «CSV» on Russian Windows is Windows-1251 (here written by iconv): read in it, and said so.
    const utf8 = path.join(dir, 'utf8.csv');
    writeFileSync(utf8, 'login,name,unit,roles\nivanov,Иванов Иван Иванович,contact-center,\npetrova,Петрова Мария,dkko,\n');
    execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP1251', utf8, '-o', file]);
    const cp1251 = await run();
    expect(cp1251.code, cp1251.stderr).toBe(0);
    expect(cp1251.stdout).toContain('прочитан в кодировке Windows-1251');
    expect(await check()).toEqual(['ivanov', 'petrova']);
    const store = new SqliteStore(sqliteFile(dir));
    await store.migrate();
    expect((await store.employees()).map((e) => e.name)).toEqual(['Иванов Иван Иванович', 'Петрова Мария']);
    await store.close();
    // KOI8-R decodes without an error into wrong letters: refused, the list unchanged.
    execFileSync('iconv', ['-f', 'UTF-8', '-t', 'KOI8-R', utf8, '-o', file]);
    const koi8 = await run();
    expect(koi8.code).toBe(1);
    expect(koi8.stderr).toContain('файл не в кодировке UTF-8 и не в Windows-1251');
    expect(await check()).toEqual(['ivanov', 'petrova']);
  });
});

describe('decodeCsv', () => {
  it.each([
    ['UTF-8', Buffer.from('login,name\nivanov,Иванов Иван\n'), 'utf-8'],
    ['Windows-1251', Buffer.from([0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2, 0x20, 0xc8, 0xe2, 0xe0, 0xed]), 'windows-1251'],
  ])('%s is read', (_, bytes, encoding) => {
    expect(decodeCsv(bytes)?.encoding).toBe(encoding);
  });

  it('KOI8-R («Иванов Иван»: lower case at C0–DF) and bytes that are no text are not', () => {
    expect(decodeCsv(Buffer.from([0xe9, 0xd7, 0xc1, 0xce, 0xcf, 0xd7, 0x20, 0xe9, 0xd7, 0xc1, 0xce]))).toBeUndefined();
    expect(decodeCsv(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff]))).toBeUndefined();
  });
});
