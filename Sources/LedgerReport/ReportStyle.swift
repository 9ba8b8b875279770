/// The page's styles: one column that fits a phone, charts side by side on a desktop, and A4
/// pages in print. System CJK fonts only; nothing is fetched.
enum ReportStyle {
    static let css = """
    :root{--ink:#1d2733;--muted:#5b6776;--line:#d8dee6;--paper:#fff;--soft:#f4f6f9;--blue:#1d5fd1;--blue-soft:rgba(29,95,209,.16);\
    --grey:#8a96a3;--red:#c0262d;--red-soft:#fdecec;--amber:#a86500;--amber-soft:#fff4e0;--green:#23794a;--green-soft:#e8f5ee;--teal:#0f7c86}
    *{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
    body{margin:0;background:var(--paper);color:var(--ink);font:15px/1.6 "Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei",sans-serif;\
    -webkit-print-color-adjust:exact;print-color-adjust:exact}
    main{max-width:980px;margin:0 auto;padding:16px 16px 40px}
    header{border-bottom:3px solid var(--blue);padding-bottom:10px;margin-bottom:14px}
    .kicker{margin:0;color:var(--muted);font-size:.85rem;letter-spacing:.08em}
    h1{margin:.1em 0 .2em;font-size:1.6rem;line-height:1.3}
    h1 .year{margin-left:.4em;color:var(--blue)}
    h2{font-size:1.2rem;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:1px solid var(--line)}
    h3{font-size:1.02rem;margin:1.2em 0 .4em}
    p{margin:.5em 0}
    .scope{margin:.2em 0;color:var(--muted);font-size:.9rem}
    .scope strong{color:var(--ink)}
    code{font-family:"Noto Sans Mono CJK SC","DejaVu Sans Mono",monospace;font-size:.88em;overflow-wrap:anywhere}
    .integrity{margin:.4em 0;padding:4px 10px;border-radius:4px;font-size:.9rem;overflow-wrap:anywhere}
    .integrity.ok{background:var(--green-soft);color:var(--green)}
    .integrity.damaged{background:var(--red-soft);color:var(--red);border:2px solid var(--red)}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,200px),1fr));gap:10px;margin:14px 0}
    .card{display:flex;flex-direction:column;padding:10px 12px;border:1px solid var(--line);border-radius:6px;background:var(--soft);\
    color:inherit;text-decoration:none;min-width:0;break-inside:avoid}
    .card-title{font-size:.85rem;color:var(--muted)}
    .card-value{font-size:1.55rem;font-weight:700;line-height:1.25;font-variant-numeric:tabular-nums}
    .card-detail{font-size:.8rem;color:var(--muted);margin-top:2px;word-break:keep-all;overflow-wrap:anywhere}
    .card.alert{background:var(--red-soft);border-color:var(--red)}.card.alert .card-value{color:var(--red)}
    .card.good .card-value{color:var(--green)}
    .card.warn{background:var(--amber-soft);border-color:var(--amber)}
    .meter{height:8px;margin:4px 0 2px;background:#dfe5ec;border-radius:4px;overflow:hidden}
    .meter span{display:block;height:100%;background:var(--blue)}
    .lead{font-size:1rem}
    .note,.empty,.legend,figcaption,caption{color:var(--muted);font-size:.85rem}
    .empty{padding:10px 12px;background:var(--soft);border-radius:4px}
    .good{color:var(--green)}.alert{color:var(--red)}
    figure{margin:10px 0 14px;break-inside:avoid;page-break-inside:avoid;min-width:0}
    figure.wide svg{max-width:600px}
    figcaption{margin-top:2px}
    .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,290px),1fr));gap:6px 16px}
    .charts.pairs{grid-template-columns:repeat(auto-fill,minmax(min(100%,380px),1fr))}
    .charts figure{margin:6px 0}
    .charts figcaption:first-child{color:var(--ink);font-weight:600;font-size:.9rem;margin:0 0 2px}
    svg.chart{display:block;width:100%;height:auto;overflow:visible}
    .chart text{font-size:11px;fill:var(--muted);text-anchor:middle}
    .chart .y-label,.chart .a-end{text-anchor:end}
    .chart .a-start{text-anchor:start}
    .chart .value-label{font-size:12px;font-weight:700;fill:var(--ink);paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
    .chart .grid line{stroke:#e6eaef;stroke-width:1}
    .chart .x-axis line{stroke:var(--grey);stroke-width:1}
    .chart .x-axis .tick-line{stroke:#eceff3}
    .chart .lane-line{stroke:#e3e7ec;stroke-width:1}
    .chart .lane-label{text-anchor:end;fill:var(--ink);font-size:11.5px}
    .chart .lane-count{text-anchor:end;fill:var(--ink);font-weight:700}
    .chart .strip-number{font-size:11px}
    .series .stroke{fill:none;stroke-width:2.2;stroke-linejoin:round;stroke-linecap:round}
    .series .fill{stroke:none}
    .series .bridge{fill:none;stroke-width:1.6;stroke-dasharray:3 3;opacity:.55}
    .chart .grid line.zero{stroke:var(--grey)}
    .s-increment rect.spans{fill:#c3d4f0}
    .s-stationed .stroke{stroke:var(--grey);stroke-dasharray:5 3}.s-stationed .bridge{stroke:var(--grey)}
    .s-authorized .bridge,.s-accepted .bridge{stroke:var(--blue)}.s-completed .bridge{stroke:var(--green)}.s-stationed circle{fill:var(--grey)}
    .s-authorized .stroke{stroke:var(--blue)}.s-authorized .fill{fill:var(--blue-soft)}.s-authorized circle{fill:var(--blue)}
    .s-accepted .stroke{stroke:var(--blue)}.s-accepted circle{fill:var(--blue)}
    .s-completed .stroke{stroke:var(--green);stroke-dasharray:4 2}.s-completed circle{fill:var(--green)}
    .s-increment rect{fill:#7ea6e6}
    .s-window rect{fill:var(--teal)}
    circle.s-visit{fill:var(--blue);fill-opacity:.75;stroke:#fff;stroke-width:1}
    rect.s-satisfactory{fill:#9fd3b3}
    rect.s-unclassified{fill:#e0b64a}
    rect.s-finding{fill:var(--red)}
    rect.issue-present{fill:var(--blue)}
    rect.issue-gap{fill:#fff;stroke:var(--red);stroke-width:1.4;stroke-dasharray:2 1.5}
    rect.issue-before{fill:#edf0f4}
    .legend{display:flex;flex-wrap:wrap;gap:4px 14px;margin:2px 0}
    .legend .key{display:inline-flex;align-items:center;gap:5px}
    .legend i{display:inline-block;width:14px;height:10px;border-radius:2px;background:var(--grey)}
    .legend .s-authorized i,.legend .s-accepted i{background:var(--blue)}
    .legend .s-completed i,.legend .s-satisfactory i{background:var(--green)}
    .legend .s-satisfactory i{background:#9fd3b3}
    .legend .s-unclassified i{background:#e0b64a}
    .legend .s-increment i{background:#7ea6e6}
    .legend .s-increment-spans i{background:#c3d4f0}
    .legend .s-finding i{background:var(--red)}
    .legend .s-issue-present i{background:var(--blue)}
    .legend .s-issue-gap i{background:#fff;border:1.5px dashed var(--red)}
    .legend .s-issue-before i{background:#edf0f4}
    .table-wrap{overflow-x:auto;margin:8px 0 12px;max-width:100%;\
    background:linear-gradient(to right,#fff 30%,rgba(255,255,255,0)) left/24px 100% no-repeat local,\
    linear-gradient(to left,#fff 30%,rgba(255,255,255,0)) right/24px 100% no-repeat local,\
    radial-gradient(farthest-side at 0 50%,rgba(0,0,0,.2),transparent) left/10px 100% no-repeat scroll,\
    radial-gradient(farthest-side at 100% 50%,rgba(0,0,0,.2),transparent) right/10px 100% no-repeat scroll}
    table{border-collapse:collapse;width:100%;font-size:.88rem}
    caption{text-align:left;padding:0 0 4px}
    th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
    th{background:var(--soft);font-weight:600;white-space:nowrap}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    td.fixed{white-space:nowrap}
    tr{break-inside:avoid;page-break-inside:avoid}
    tr.gap td{background:var(--red-soft);color:var(--red)}
    .badge{display:inline-block;margin-left:4px;padding:0 6px;border-radius:9px;font-size:.75rem;line-height:1.6;white-space:nowrap}
    .badge.partial{background:var(--amber-soft);color:var(--amber);border:1px solid var(--amber)}
    .findings{list-style:none;padding:0;margin:6px 0 12px}
    .finding{margin:6px 0;padding:8px 12px;border-left:5px solid var(--red);background:var(--red-soft);border-radius:0 4px 4px 0;break-inside:avoid}
    .finding-when{display:block;font-size:.8rem;color:var(--red)}
    .unclassified{margin:6px 0;padding:8px 12px;border-left:5px solid #e0b64a;background:#fbf3dc;border-radius:0 4px 4px 0;break-inside:avoid}
    .unclassified .finding-when{color:#8a6500}
    .facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:4px 14px;margin:8px 0}
    .facts dt{color:var(--muted)}.facts dd{margin:0;min-width:0}
    .hash{word-break:break-all;font-size:.85rem}
    .integrity-section{break-inside:avoid;page-break-inside:avoid}
    .problems li{color:var(--red)}
    .notes{color:var(--muted);font-size:.85rem}
    @media (max-width:520px){body{font-size:14px}main{padding:10px 10px 28px}h1{font-size:1.3rem}\
    .cards{grid-template-columns:repeat(2,minmax(0,1fr))}.card-value{font-size:1.25rem}th,td{padding:3px 5px}\
    .facts{grid-template-columns:minmax(0,1fr)}.facts dd{margin-bottom:4px}}
    @page{size:A4;margin:14mm 12mm}
    @media print{body{font-size:10pt}main{max-width:none;padding:0}header{margin-bottom:8px}\
    .cards{grid-template-columns:repeat(3,minmax(0,1fr))}a.card{color:inherit}h2{break-after:avoid;page-break-after:avoid}\
    h3{break-after:avoid}.table-wrap{overflow:visible;background:none}figure.wide svg{max-width:150mm}figure.wide svg.lanes{max-width:105mm}\
    .charts{grid-template-columns:repeat(2,minmax(0,1fr))}\
    .charts.pairs{grid-template-columns:repeat(2,minmax(0,1fr))}.lead{break-after:avoid;page-break-after:avoid}}
    """
}
