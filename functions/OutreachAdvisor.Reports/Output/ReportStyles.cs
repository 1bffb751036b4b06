namespace OutreachAdvisor.Reports.Output;

/// <summary>The page's CSS: system fonts only, one column on phones, no shadows or backgrounds in print.</summary>
internal static class ReportStyles
{
    public const string Css = """

        :root { --ink: #1d2330; --muted: #5b6475; --line: #e3e7ee; --paper: #ffffff; --page: #f4f6fa; --accent: #1f5fae; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--page); color: var(--ink);
               font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 960px; margin: 0 auto; padding: 24px 16px 48px; }
        header h1 { margin: 0 0 4px; font-size: 1.8rem; letter-spacing: -0.01em; }
        .meta { margin: 0 0 20px; color: var(--muted); }
        section { background: var(--paper); border: 1px solid var(--line); border-radius: 12px; padding: 18px 20px; margin: 16px 0; }
        section.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; background: none; border: 0; padding: 0; }
        .card { background: var(--paper); border: 1px solid var(--line); border-radius: 12px; padding: 14px 16px; }
        .card .label { color: var(--muted); font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; }
        .card .value { font-size: 2rem; font-weight: 700; line-height: 1.2; }
        .card .value small { font-size: .95rem; font-weight: 500; color: var(--muted); }
        h2 { margin: 0 0 4px; font-size: 1.25rem; }
        h3 { margin: 0 0 6px; font-size: 1rem; }
        h3 code { font-weight: 400; color: var(--muted); font-size: .8rem; }
        .lead { margin: 0 0 14px; color: var(--muted); }
        .note { background: #fff8e1; border: 1px solid #f3d27a; border-radius: 10px; padding: 10px 14px; margin: 12px 0; }
        .small { color: var(--muted); font-size: .88rem; margin: 2px 0; }
        .scroll { overflow-x: auto; }
        .chartbox { width: 100%; }
        svg.chart { width: 100%; max-width: 100%; height: auto; display: block; }
        svg.bar .whisker { fill: #1d2330; }
        .verdict { margin: 0 0 6px; font-size: .92rem; }
        .verdict.costs-replies { color: #8e2b20; font-weight: 600; }
        .published { font-style: italic; }
        ol.followups { margin: 8px 0 0; padding-left: 1.2rem; }
        svg.chart .grid { stroke: var(--line); stroke-width: 1; }
        svg.chart .axis { fill: var(--muted); font-size: 14px; }
        svg.chart .axis.score { fill: #a35200; }
        .legend { color: var(--muted); font-size: .88rem; margin: 8px 0 0; }
        .key { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin: 0 4px 0 10px; vertical-align: -1px; }
        .key.line { height: 3px; vertical-align: 3px; }
        .row { display: grid; grid-template-columns: 7rem 1fr 17rem; gap: 12px; align-items: center; margin: 6px 0; }
        .row .figure { font-size: .9rem; }
        svg.bar { width: 100%; height: 14px; display: block; border-radius: 3px; }
        svg.bar .track { fill: #eef1f6; }
        svg.bar .mark { fill: #1d2330; }
        .rules { display: grid; gap: 14px; }
        .rule { border-top: 1px solid var(--line); padding-top: 12px; }
        .rule:first-child { border-top: 0; padding-top: 0; }
        .badge { display: inline-block; min-width: 3.2rem; text-align: center; border-radius: 999px; padding: 1px 8px; color: #fff; font-weight: 600; font-size: .85rem; }
        .badge.big { min-width: 2.8rem; font-size: 1rem; padding: 6px 8px; align-self: start; }
        .unbroken { color: var(--muted); margin: 14px 0 0; }
        .band0 { background: #c0392b; } .band1 { background: #a35200; } .band2 { background: #5f6b0e; } .band3 { background: #2e7d32; }
        .card .value.band0, .card .value.band1, .card .value.band2, .card .value.band3 { background: none; }
        .card .value.band0 { color: #c0392b; } .card .value.band1 { color: #a35200; } .card .value.band2 { color: #5f6b0e; } .card .value.band3 { color: #2e7d32; }
        table { width: 100%; border-collapse: collapse; font-size: .95rem; }
        th, td { text-align: left; padding: 8px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { color: var(--muted); font-weight: 600; font-size: .85rem; }
        .num { text-align: right; }
        .subject { font-weight: 600; overflow-wrap: anywhere; }
        ol.weakest { list-style: none; margin: 0; padding: 0; }
        ol.weakest li { display: grid; grid-template-columns: 3.4rem 1fr; gap: 12px; padding: 10px 0; border-top: 1px solid var(--line); }
        ol.weakest li:first-child { border-top: 0; }
        ol.weakest .small { overflow-wrap: anywhere; }
        .chips { margin-top: 4px; }
        .chip { display: inline-block; background: #fdecea; color: #8e2b20; border-radius: 999px; padding: 1px 10px; margin: 2px 4px 2px 0; font-size: .82rem; }
        .chip.ok { background: #e8f5e9; color: #2e7d32; }
        pre { white-space: pre-wrap; font-size: .85rem; background: var(--page); padding: 8px; border-radius: 6px; }
        ul.how { margin: 0; padding-left: 1.2rem; color: var(--muted); }
        ul.how li { margin: 4px 0; }
        @media (max-width: 700px) {
          main { padding: 16px 10px 32px; }
          section.cards { grid-template-columns: repeat(2, 1fr); }
          .card .value { font-size: 1.6rem; }
          .row { grid-template-columns: 5.5rem 1fr; }
          .row .figure { grid-column: 1 / -1; margin-top: -4px; }
          section { padding: 14px; }
        }
        @media print {
          body { background: #fff; font-size: 11pt; }
          main { max-width: none; padding: 0; }
          section, .card { border: 1px solid #ccc; break-inside: avoid; page-break-inside: avoid; }
          .scroll { overflow: visible; }
          .note { background: none; }
          .badge, .chip, .key, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          @page { margin: 14mm; }
        }

        """;
}
