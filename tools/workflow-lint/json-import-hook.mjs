// @actions/workflow-parser imports its schema JSON without `with { type: "json" }`, which Node 20
// rejects (actions/languageservices#387). This loader hook adds the attribute to every .json import.
export async function load(url, context, nextLoad) {
  if (url.endsWith(".json")) {
    return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: "json" } });
  }
  return nextLoad(url, context);
}
