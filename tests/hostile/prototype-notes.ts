/**
 * Notes that use every Object.prototype name (`constructor`, `__proto__`, `toString`, …) as a
 * conference, a year's folder, a track folder, a day, a speaker and a tag; written to a folder
 * at test time, so a name the engine adds to Object.prototype is covered too.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

/** The year of `name`'s conference: one conference per name. */
export const yearOf = (name: string) => 2000 + PROTOTYPE_NAMES.indexOf(name);

/**
 * `<name> <year>/<name> track/<name>.md`: front matter names the conference, the day and a tag; a
 * talk whose `speaker:` and `tags:` lines are the name. `<name> <year>/talks <name>/<name> 2.md`:
 * a folder and a file name that end in the name, which are neither a track nor a day.
 */
export async function writePrototypeNotes(dir: string): Promise<void> {
  for (const name of PROTOTYPE_NAMES) {
    const conference = path.join(dir, `${name} ${yearOf(name)}`);
    const facts = `conference: ${JSON.stringify(name)}\nyear: ${yearOf(name)}\n`;
    await mkdir(path.join(conference, `${name} track`), { recursive: true });
    await writeFile(
      path.join(conference, `${name} track`, `${name}.md`),
      `---\n${facts}day: ${JSON.stringify(name)}\ntags: [${JSON.stringify(name)}]\n---\n\n` +
        `## Talk on ${name}\nspeaker: ${name}\ntags: ${name}\n\nNotes about ${name}.\n`,
    );
    await mkdir(path.join(conference, `talks ${name}`), { recursive: true });
    await writeFile(
      path.join(conference, `talks ${name}`, `${name} 2.md`),
      `---\n${facts}---\n\n## Second on ${name}\n\nMore about ${name}.\n`,
    );
  }
}
