import ts from 'typescript';
import fs from 'node:fs';
import path from 'node:path';
const files = process.argv.slice(2);
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  const sf = ts.createSourceFile(f, text, ts.ScriptTarget.Latest, true);
  const visit = (n) => {
    if (ts.isFunctionLike(n) && n.body) {
      const s = sf.getLineAndCharacterOfPosition(n.getStart()).line;
      const e = sf.getLineAndCharacterOfPosition(n.getEnd()).line;
      if (e - s + 1 > 80) console.log(`${e-s+1}\t${f}:${s+1}\t${n.name?.getText?.() ?? ''}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
}
