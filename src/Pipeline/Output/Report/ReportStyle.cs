namespace Pipeline.Output.Report;

/// <summary>The page's inline style sheet: the file must read the same opened from an artifact, offline.</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --muted: #656d76; --line: #d0d7de; --critical: #8250df; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; margin: 0; padding: 24px 32px; background: #fff; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        .meta { color: var(--muted); margin: 0; }
        .outcome-succeeded { color: var(--ok); } .outcome-failed, .outcome-canceled { color: var(--bad); }
        .timeline { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px 4px; }
        .axis, .row { display: grid; grid-template-columns: 180px 1fr 80px; align-items: center; gap: 8px; }
        .axis .ticks { position: relative; height: 18px; color: var(--muted); font-size: 11px; border-bottom: 1px solid var(--line); }
        .axis .tick { position: absolute; transform: translateX(-50%); white-space: nowrap; }
        .row { height: 24px; }
        .row .name { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        .row .when { color: var(--muted); font-size: 12px; text-align: right; }
        .track { position: relative; height: 16px; background: repeating-linear-gradient(90deg, #f6f8fa 0 1px, transparent 1px 10%); }
        .bar { position: absolute; top: 2px; height: 12px; min-width: 3px; border-radius: 3px; background: var(--ok); opacity: .75; }
        .bar.failed, .bar.canceled { background: var(--bad); } .bar.warning { background: var(--warn); } .bar.up-to-date { background: #8c959f; }
        .bar.critical { opacity: 1; outline: 2px solid var(--critical); outline-offset: 1px; }
        .legend { color: var(--muted); font-size: 12px; margin: 6px 0 0; }
        .legend .swatch { display: inline-block; width: 18px; height: 8px; border-radius: 2px; outline: 2px solid var(--critical); margin-right: 4px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #f6f8fa; font-weight: 600; }
        td.duration { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .status { font-weight: 600; white-space: nowrap; }
        .status.succeeded { color: var(--ok); } .status.failed, .status.canceled { color: var(--bad); }
        .status.warning { color: var(--warn); } .status.skipped, .status.up-to-date { color: var(--muted); }
        .reason { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; white-space: pre-wrap; word-break: break-word; }
        .contribution .from { color: var(--muted); font-size: 12px; margin: 0 0 6px; }
        .headline { font-weight: 600; margin: 0 0 8px; }
        .tone-good { color: var(--ok); } .tone-bad { color: var(--bad); } .tone-warning { color: var(--warn); }
        footer { color: var(--muted); font-size: 12px; margin-top: 32px; }
        """;
}
