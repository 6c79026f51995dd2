// A generated French article (headings, lists, code, a table, links, footnotes, guillemets), the
// same on every run: the markdown benchmarks render it.

const vocabulary = (
  "le la les un une des du de et ou mais donc car blog article commentaire lecteur autrice réseau " +
  "discussion réponse lien page texte idée débat communauté modération règle confiance temps année " +
  "semaine toujours souvent parfois jamais écrire lire publier répondre apprendre comprendre ouvrir " +
  "fermer garder partager chercher trouver important simple difficile nouveau ancien petit grand " +
  "public privé local ensemble pourquoi comment quand avec sans pour dans sur sous entre après avant"
).split(" ");

/** random: a deterministic generator (mulberry32), so every run renders, writes and builds the same. */
export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** buildArticle: a deterministic French article of about `targetWords` words. */
export function buildArticle(targetWords: number): string {
  const next = random(42);
  const pick = () => vocabulary[Math.floor(next() * vocabulary.length)]!;
  let words = 0;
  let notes = 0;
  const sentence = () => {
    const length = 8 + Math.floor(next() * 12);
    const parts = Array.from({ length }, pick);
    words += length;
    const roll = next();
    if (roll < 0.1) parts[2] = `*${parts[2]}*`;
    else if (roll < 0.2) parts[3] = `[${parts[3]}](https://exemple.org/${parts[4]})`;
    else if (roll < 0.25) parts[1] = `« ${parts[1]} »`;
    else if (roll < 0.3) parts[4] = `\`${parts[4]}\``;
    else if (roll < 0.33) parts[5] = `${parts[5]}[^n${++notes}]`;
    const text = parts.join(" ");
    const end = [" ?", " !", " :", ".", ".", "."][Math.floor(next() * 6)];
    return text[0]!.toUpperCase() + text.slice(1) + end;
  };
  const paragraph = () => {
    const sentences: string[] = [];
    while (sentences.length < 4 && words < targetWords) sentences.push(sentence());
    return sentences.join(" ");
  };
  const blocks: string[] = ["Un article de démonstration : assez long pour mesurer le rendu."];
  for (let section = 1; words < targetWords; section++) {
    blocks.push(`## Partie ${section} : ${pick()} et ${pick()}`);
    if (section === 1)
      blocks.push("- premier point\n- deuxième point\n  - détail\n- [x] tâche faite\n- [ ] tâche à faire");
    if (section === 2)
      blocks.push("```ts\nexport function render(source: string): string {\n  return source.trim();\n}\n```");
    if (section === 3) blocks.push("| Blog | Articles | Commentaires |\n| :--- | ---: | ---: |\n| Carnet | 12 | 340 |");
    blocks.push(`### ${pick()} ?`);
    for (let i = 0; i < 3 && words < targetWords; i++) blocks.push(paragraph());
  }
  for (let n = 1; n <= notes; n++) blocks.push(`[^n${n}]: Une note de bas de page : ${pick()} ${pick()} !`);
  return blocks.join("\n\n");
}
