// Completes package-lock.json with entries for platform-specific optional packages the
// registry here does not serve (rollup's Android, macOS, Windows, … builds). npm install
// leaves them out, and npm ci then rejects the lock as out of sync ("Missing: … from lock
// file"). Each added entry is optional and names its os/cpu, so npm ci on any other
// platform skips it without fetching anything. Run after every `npm install`:
//   node scripts/complete-lock.mjs
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;

const OS = ["android", "darwin", "freebsd", "linux", "openbsd", "openharmony", "win32", "netbsd", "sunos", "aix", "cygwin"];
const CPU = { "arm-eabi": "arm", "arm-gnueabihf": "arm", "arm-musleabihf": "arm", arm64: "arm64", x64: "x64", ia32: "ia32", loong64: "loong64", ppc64: "ppc64", riscv64: "riscv64", s390x: "s390x", wasm32: "wasm32", arm: "arm" };

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const rest = parts.slice(parts.indexOf(os) + 1).join("-");
  const cpuKey = Object.keys(CPU).sort((a, b) => b.length - a.length).find((k) => rest === k || rest.startsWith(`${k}-`));
  const libc = /-gnu|gnueabihf/.test(rest) ? "glibc" : /musl/.test(rest) ? "musl" : undefined;
  return { os, cpu: cpuKey ? CPU[cpuKey] : undefined, libc };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path === "" ? "" : `${path}/`;
    if (packages[`${base}node_modules/${dep}`] || packages[`node_modules/${dep}`]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os) continue; // not a platform build: leave it to npm
    packages[`node_modules/${dep}`] = {
      version,
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(libc ? { libc: [libc] } : {}),
      license: entry.license ?? "MIT",
      optional: true,
      os: [os],
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lock: added ${added} optional platform entries`);
