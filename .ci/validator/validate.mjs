// Validates each file given against the Open XML SDK's schemas (Microsoft
// 365) and prints one JSON object: file -> list of errors, each with its
// description, part and XPath. Used by internal/officetest.Validate.
import validate, { getFileFormatFromName } from "@ooxml-tools/validate";
import { readFileSync } from "node:fs";

const out = {};
for (const file of process.argv.slice(2)) {
  const results = await validate(new Uint8Array(readFileSync(file)), getFileFormatFromName(file), "Microsoft365");
  out[file] = results.map((r) => ({ description: r.description, part: r.path?.partUri, xpath: r.path?.xpath, id: r.id }));
}
process.stdout.write(JSON.stringify(out));
