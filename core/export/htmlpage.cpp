#include "export/htmlpage.h"

#include "format/scenarioformat.h"
#include "view/axis.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <span>

namespace coroscope {

namespace {

// The card's CSS: the book animation's numbers (DESIGN.md, "How it looks"), every line box
// given its height so that a browser lays the card out where the window's card has it. One
// stylesheet for every page: what differs (colours, the names' column) is set on the card's
// root as custom properties, so two pasted cards never disturb each other.
constexpr std::string_view kStyle =
    R"(.coroscope-timeline{font-family:Roboto,sans-serif;background:var(--cs-page);padding:20px;)"
    R"(display:flex;flex-direction:column;align-items:center}
.coroscope-timeline *{box-sizing:border-box;margin:0;padding:0}
.coroscope-timeline .cs-card{width:100%;max-width:1000px;background:var(--cs-card);padding:36px;)"
    R"(border-radius:14px;border:1px solid var(--cs-border);)"
    R"(box-shadow:0 6px 20px rgba(0,0,0,var(--cs-card-shadow))}
.coroscope-timeline .cs-title{font-size:26px;line-height:30px;height:30px;margin-bottom:6px;)"
    R"(font-weight:500;color:var(--cs-title)}
.coroscope-timeline .cs-subtitle{font-size:14px;line-height:16px;height:16px;margin-bottom:20px;)"
    R"(color:var(--cs-muted)}
.coroscope-timeline .cs-title,.coroscope-timeline .cs-subtitle,.coroscope-timeline .cs-label,)"
    R"(.coroscope-timeline .cs-hold{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.coroscope-timeline .cs-lanes{position:relative;padding-top:70px}
.coroscope-timeline .cs-axis{position:absolute;top:0;left:calc(var(--cs-label) + 16px);right:0;)"
    R"(height:70px;color:var(--cs-muted);font-size:12px}
.coroscope-timeline .cs-axis::after{content:"";position:absolute;top:34px;left:0;right:0;)"
    R"(height:2px;background:var(--cs-rule)}
.coroscope-timeline .cs-tick{position:absolute;top:16px;line-height:14px;white-space:nowrap;)"
    R"(transform:translateX(-50%)}
.coroscope-timeline .cs-row{display:flex;align-items:center;gap:16px;height:48px}
.coroscope-timeline .cs-row+.cs-row{margin-top:18px}
.coroscope-timeline .cs-label{width:var(--cs-label);flex-shrink:0;text-align:right;font-size:14px;)"
    R"(font-weight:500;color:var(--cs-row-label)}
.coroscope-timeline .cs-loop .cs-label{font-style:italic}
.coroscope-timeline .cs-track{flex:1;min-width:0;height:100%;position:relative;)"
    R"(background:var(--cs-track);border-radius:9999px}
.coroscope-timeline .cs-seg,.coroscope-timeline .cs-ready,.coroscope-timeline .cs-idle{)"
    R"(display:none;position:absolute;top:0;height:100%;min-width:1px;border-radius:9999px}
.coroscope-timeline .cs-seg{box-shadow:0 6px 14px rgba(0,0,0,var(--cs-seg-shadow))}
.coroscope-timeline .cs-ready,.coroscope-timeline .cs-ready-swatch{background:)"
    R"(repeating-linear-gradient(135deg,var(--cs-hatch) 0 1px,transparent 1px 6px),var(--cs-wait)}
.coroscope-timeline .cs-hold,.coroscope-timeline .cs-idle{padding:0 10px;text-align:center;)"
    R"(font-size:12px;font-weight:500;line-height:48px;color:#fff}
.coroscope-timeline .cs-idle{color:var(--cs-muted)}
.coroscope-timeline.cs-dense .cs-row{height:16px}
.coroscope-timeline.cs-dense .cs-row+.cs-row{margin-top:4px}
.coroscope-timeline.cs-dense .cs-label{font-size:11px}
.coroscope-timeline.cs-dense .cs-hold,.coroscope-timeline.cs-dense .cs-idle{font-size:11px;)"
    R"(line-height:16px}
.coroscope-timeline.cs-dense .cs-seg{box-shadow:0 2px 4.67px rgba(0,0,0,var(--cs-seg-shadow))}
.coroscope-timeline .cs-legend{margin-top:26px;padding-top:18px;border-top:1px solid var(--cs-rule);)"
    R"(display:flex;gap:20px;justify-content:center;flex-wrap:wrap}
.coroscope-timeline .cs-legend-item{display:flex;gap:8px;align-items:center;height:20px;)"
    R"(line-height:20px;color:var(--cs-muted);font-size:13px}
.coroscope-timeline .cs-swatch{width:20px;height:20px;border-radius:10px;)"
    R"(box-shadow:0 2px 6px rgba(0,0,0,var(--cs-swatch-shadow))}
.coroscope-timeline .cs-controls{width:100%;max-width:1000px;display:flex;align-items:center;)"
    R"(gap:12px;margin-top:12px;color:var(--cs-muted);font-size:13px}
.coroscope-timeline .cs-play{min-width:72px;padding:4px 12px;border:1px solid var(--cs-border);)"
    R"(border-radius:14px;background:var(--cs-card);color:var(--cs-title);font:inherit;cursor:pointer}
.coroscope-timeline .cs-scrub{flex:1;accent-color:#42a5f5}
.coroscope-timeline .cs-time{min-width:72px;text-align:right;font-variant-numeric:tabular-nums}
)";

// The player: builds the rows from the data block beside it, then draws the moment shown by
// touching only the pieces that appear or grow. A moment t shows what started before t, cut at
// t, as the window's animation does. (No "//" comments: the page holds no "//" at all.)
constexpr std::string_view kScript = R"((function(){
var root=document.currentScript.parentNode;
var D=JSON.parse(root.querySelector('.cs-data').textContent);
var end=D.end,SCALE=10,PAUSE=400;
var lanes=root.querySelector('.cs-lanes'),axis=root.querySelector('.cs-axis');
var button=root.querySelector('.cs-play'),scrub=root.querySelector('.cs-scrub');
var readout=root.querySelector('.cs-time');
function el(cls,parent){var e=document.createElement('div');e.className=cls;parent.appendChild(e);return e;}
function pct(ms){return ms/end*100+'%';}
function grad(k){return 'linear-gradient(135deg,'+D.kinds[k][0]+' 0%,'+D.kinds[k][1]+' 100%)';}
var items=[];
function add(track,cls,s,e,kind,text){var d=el(cls,track);d.style.left=pct(s);
if(kind>=0)d.style.background=grad(kind);if(text)d.textContent=text;items.push({s:s,e:e,d:d});}
function row(name,cls){var r=el('cs-row'+cls,lanes),l=el('cs-label',r);l.textContent=name;l.title=name;
return el('cs-track',r);}
D.ticks.forEach(function(t){var e=el('cs-tick',axis);e.style.left=pct(t[0]);e.textContent=t[1];});
if(D.loop){var track=row(D.loopName,' cs-loop'),h=D.loop;
for(var i=0;i<h.length;i+=3){if(h[i+2]>=0){add(track,'cs-seg cs-hold',h[i],h[i+1],0,D.names[h[i+2]]);continue;}
var j=i;while(j+3<h.length&&h[j+5]<0&&h[j+3]===h[j+1])j+=3;
add(track,'cs-idle',h[i],h[j+1],-1,D.idleName);i=j;}
D.slots.forEach(function(r){var t=row(r[0],' cs-loop'),s=r[2];
for(var k=0;k<s.length;k+=3)add(t,'cs-seg cs-hold',s[k],s[k+1],r[1],D.names[s[k+2]]);});}
D.names.forEach(function(name,task){var track=row(name,''),i;
if(D.ready)for(i=0;i<D.ready[task].length;i+=2)add(track,'cs-ready',D.ready[task][i],D.ready[task][i+1],-1);
var L=D.lanes[task];for(i=0;i<L.length;i+=3)add(track,'cs-seg',L[i],L[i+1],L[i+2]);});
items.sort(function(a,b){return a.s-b.s;});
scrub.max=end;
var next=0,growing=[],shown=-1,playing=false,t0=0;
function draw(t){
if(t<shown){for(var i=0;i<next;i++)items[i].d.style.display='none';next=0;growing=[];}
while(next<items.length&&items[next].s<t){var it=items[next++];it.d.style.display='block';growing.push(it);}
growing=growing.filter(function(it){it.d.style.width=pct(Math.min(it.e,t)-it.s);return it.e>t;});
shown=t;scrub.value=t;readout.textContent=String(+(t/D.unit[1]).toFixed(D.unit[2]))+D.unit[0];}
function frame(now){if(!playing)return;var real=now-t0;
if(real>=end*SCALE+PAUSE){t0+=end*SCALE+PAUSE;real=now-t0;}
draw(Math.min(real/SCALE,end));requestAnimationFrame(frame);}
function play(){if(playing)return;playing=true;button.textContent='Pause';
t0=performance.now()-(shown>=end?0:Math.max(shown,0))*SCALE;requestAnimationFrame(frame);}
function pause(){playing=false;button.textContent='Play';}
button.addEventListener('click',function(){if(playing)pause();else play();});
scrub.addEventListener('input',function(){pause();draw(+scrub.value);});
function fromHash(){var m=/^#t=([0-9]+(?:\.[0-9]+)?)$/.exec(location.hash);
if(!m)return false;pause();draw(Math.min(+m[1],end));return true;}
window.addEventListener('hashchange',fromHash);
if(!fromHash()){draw(0);setTimeout(play,300);}
})();
)";

void appendHex(std::string& out, Rgb color) {
    constexpr std::string_view hex = "0123456789abcdef";
    out += '#';
    for (int shift = 20; shift >= 0; shift -= 4)
        out += hex[(color >> shift) & 0xF];
}

// A number as JavaScript reads it back exactly: the shortest form that round-trips.
void appendNumber(std::string& out, double value) {
    char buffer[32];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, written.ptr);
}

void appendNumber(std::string& out, std::int64_t value) {
    out += std::to_string(value);
}

void appendRgba(std::string& out, Rgb color, double alpha) {
    out += "rgba(";
    for (int shift = 16; shift >= 0; shift -= 8) {
        appendNumber(out, std::int64_t((color >> shift) & 0xFF));
        out += ',';
    }
    appendNumber(out, alpha);
    out += ')';
}

// The root's custom properties: the theme's colours and the names' column.
std::string rootProperties(const HtmlLook& look) {
    std::string out;
    const auto colour = [&](std::string_view name, Rgb value) {
        out.append(name).append(":");
        appendHex(out, value);
        out += ';';
    };
    const auto number = [&](std::string_view name, double value, std::string_view unit = {}) {
        out.append(name).append(":");
        appendNumber(out, value);
        out.append(unit).append(";");
    };
    colour("--cs-page", look.page);
    colour("--cs-card", look.card);
    colour("--cs-border", look.cardBorder);
    colour("--cs-title", look.title);
    colour("--cs-muted", look.mutedText);
    colour("--cs-row-label", look.rowLabel);
    colour("--cs-rule", look.rule);
    colour("--cs-track", look.track);
    number("--cs-card-shadow", look.cardShadow);
    number("--cs-seg-shadow", look.segmentShadow);
    number("--cs-swatch-shadow", look.swatchShadow);
    number("--cs-label", look.rowLabelWidth, "px");
    // The ready stretches: the muted text's colour, faint, with hatching (as the window draws).
    out += "--cs-wait:";
    appendRgba(out, look.mutedText, 0.14);
    out += ";--cs-hatch:";
    appendRgba(out, look.mutedText, 0.55);
    return out;
}

void appendLegendItem(std::string& out, std::string_view swatchStyle, std::string_view label) {
    out += R"(<div class="cs-legend-item"><div class="cs-swatch)";
    out.append(swatchStyle).append("</div><span>");
    out += htmlEscaped(label);
    out += "</span></div>";
}

std::string legend(const Scenario& scenario, bool explain) {
    std::string out = R"(<div class="cs-legend">)";
    const KindTable& kinds = scenario.kinds;
    for (StepKind kind : kinds.all()) {
        if (!kinds.hasRows(kind))
            continue;
        std::string style = R"(" style="background:linear-gradient(135deg,)";
        appendHex(style, kinds[kind].color);
        style += " 0%,";
        appendHex(style, kinds[kind].shade);
        style += " 100%)\">";
        appendLegendItem(out, style, kinds[kind].label);
    }
    if (explain)
        appendLegendItem(out, R"( cs-ready-swatch">)", "Ready, waiting for the loop");
    return out + "</div>";
}

// How many decimals the time readout needs to resolve a hundredth of a tick step (at most 3),
// as the window's readout has it (view/axis.h, timeReadout).
int readoutDecimals(const TickSet& ticks) {
    const double stepInUnit = ticks.step / unitMs(ticks.unit);
    int decimals = 0;
    while (decimals < 3 && stepInUnit * std::pow(10, decimals) < 100)
        ++decimals;
    return decimals;
}

std::string data(const Scenario& scenario, const RunAnalysis& run, bool explain) {
    std::string out = R"({"end":)";
    appendNumber(out, run.axisEnd);
    const TickSet ticks = ticksFor(0, run.axisEnd);
    out += R"(,"ticks":[)";
    for (std::size_t i = 0; i < ticks.ticks.size(); ++i) {
        out += i ? ",[" : "[";
        appendNumber(out, ticks.ticks[i]);
        out += ',';
        appendJsonString(out, ticks.labels[i], JsonEscape::ForScript);
        out += ']';
    }
    out += R"(],"unit":[)";
    appendJsonString(out, unitSymbol(ticks.unit), JsonEscape::ForScript);
    out += ',';
    appendNumber(out, unitMs(ticks.unit));
    out += ',';
    appendNumber(out, std::int64_t(readoutDecimals(ticks)));
    out += R"(],"kinds":[)";
    for (StepKind kind : scenario.kinds.all()) {
        out += kind.index ? ",[\"" : "[\"";
        appendHex(out, scenario.kinds[kind].color);
        out += "\",\"";
        appendHex(out, scenario.kinds[kind].shade);
        out += "\"]";
    }
    out += R"(],"names":[)";
    for (std::size_t task = 0; task < scenario.tasks.size(); ++task) {
        if (task)
            out += ',';
        appendJsonString(out, scenario.tasks[task].name, JsonEscape::ForScript);
    }
    out += R"(],"lanes":[)";
    for (std::size_t task = 0; task < run.lanes->tasks(); ++task) {
        out += task ? ",[" : "[";
        bool first = true;
        for (const LaneSegment& segment : run.lanes->lane(task)) {
            out += first ? "" : ",";
            first = false;
            appendNumber(out, segment.start);
            out += ',';
            appendNumber(out, segment.end);
            out += ',';
            appendNumber(out, std::int64_t(segment.kind.index));
        }
        out += ']';
    }
    out += ']';
    if (explain) {
        const Explanation& why = *run.explanation;
        out += R"(,"ready":[)";
        for (std::size_t task = 0; task < why.ready.tasks(); ++task) {
            out += task ? ",[" : "[";
            bool first = true;
            for (const Stretch& stretch : why.ready.lane(task)) {
                out += first ? "" : ",";
                first = false;
                appendNumber(out, stretch.start);
                out += ',';
                appendNumber(out, stretch.end);
            }
            out += ']';
        }
        out += R"(],"loop":[)";
        bool first = true;
        for (const Hold& hold : why.loop.holds()) {
            out += first ? "" : ",";
            first = false;
            appendNumber(out, hold.start);
            out += ',';
            appendNumber(out, hold.end);
            out += ',';
            appendNumber(out, hold.task == LoopEvent::kNoTask ? std::int64_t(-1)
                                                              : std::int64_t(hold.task));
        }
        out += R"(],"loopName":"Event loop","idleName":"idle","slots":[)";
        // Under the loop, each slot of a limited resource and each worker of the pool, a row
        // each ("db slot 1", "worker 2"): who holds it when, as start, end, task.
        first = true;
        for (const ResourceLane& lane : why.slotLanes.lanes()) {
            if (lane.lane.capacity() > kMostSlotRows)
                continue;
            for (std::size_t slot = 0; slot < std::size_t(lane.lane.capacity()); ++slot) {
                out += first ? "[" : ",[";
                first = false;
                const std::string name = lane.of.pool ? "worker " + std::to_string(slot + 1)
                                                      : scenario.kinds[lane.of.kind].name +
                                                            " slot " + std::to_string(slot + 1);
                appendJsonString(out, name, JsonEscape::ForScript);
                out += ',';
                appendNumber(out, std::int64_t(lane.of.kind.index));
                out += ",[";
                bool firstHold = true;
                for (const SlotHold& hold : lane.lane.holdsOf(slot)) {
                    out += firstHold ? "" : ",";
                    firstHold = false;
                    appendNumber(out, hold.start);
                    out += ',';
                    appendNumber(out, hold.end);
                    out += ',';
                    appendNumber(out, std::int64_t(hold.task));
                }
                out += "]]";
            }
        }
        out += ']';
    }
    return out + '}';
}

} // namespace

std::string htmlEscaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string htmlPage(const Scenario& scenario, const RunAnalysis& run, const HtmlLook& look,
                     bool explain) {
    const std::string title = htmlEscaped(scenario.title);
    std::string out = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>)";
    out += title.empty() ? "Coroscope timeline" : title;
    out += "</title>\n<style>body{margin:0;background:";
    appendHex(out, look.page);
    out += "}</style>\n</head><body>\n";
    // The card: what a page can take as it is.
    out += R"(<div class="coroscope-timeline)";
    out += look.denseRows ? R"( cs-dense)" : "";
    out += R"(" style=")" + rootProperties(look) + "\">\n<style>\n";
    out += kStyle;
    out += R"(</style>
<div class="cs-card"><div class="cs-title">)";
    out += title;
    out += R"(</div><div class="cs-subtitle">)";
    out += htmlEscaped(scenario.subtitle);
    out += R"(</div>
<div class="cs-lanes"><div class="cs-axis"></div></div>
)";
    out += legend(scenario, explain);
    out += R"(</div>
<div class="cs-controls"><button class="cs-play" type="button">Play</button>)"
           R"(<input class="cs-scrub" type="range" min="0" step="any" value="0" aria-label="Time">)"
           R"(<span class="cs-time"></span></div>
<script type="application/json" class="cs-data">)";
    out += data(scenario, run, explain);
    out += "</script>\n<script>\n";
    out += kScript;
    out += "</script>\n</div>\n</body></html>\n";
    return out;
}

} // namespace coroscope
