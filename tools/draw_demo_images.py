#!/usr/bin/env python3
"""Draws the demo site's illustrations (static/demo/*.svg). Run from the repository root."""
import math, random, pathlib

OUT = pathlib.Path("static/demo")
W, H = 1200, 675

def frame(sky_top, sky_bottom, body):
    return f'''<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" width="{W}" height="{H}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="{sky_top}"/><stop offset="1" stop-color="{sky_bottom}"/></linearGradient></defs>
<rect width="{W}" height="{H}" fill="url(#sky)"/>
{body}
</svg>
'''

def sun(x, y, r, c="#ffd166"):
    return f'<circle cx="{x}" cy="{y}" r="{r}" fill="{c}" opacity="0.95"/>'

def sea(y, c1="#1d4e89", c2="#2a6fb0"):
    waves = "".join(f'<path d="M0 {y+20+i*28} Q 150 {y+8+i*28} 300 {y+20+i*28} T 600 {y+20+i*28} T 900 {y+20+i*28} T 1200 {y+20+i*28}" stroke="{c2}" stroke-width="4" fill="none" opacity="0.6"/>' for i in range(8))
    return f'<rect y="{y}" width="{W}" height="{H-y}" fill="{c1}"/>' + waves

def skyline(base, color, seed, count=18):
    rnd = random.Random(seed); x = 0; out = []
    while x < W:
        w = rnd.randint(50, 110); h = rnd.randint(60, 220)
        out.append(f'<rect x="{x}" y="{base-h}" width="{w}" height="{h}" fill="{color}"/>')
        for wy in range(base-h+15, base-10, 28):
            for wx in range(x+10, x+w-15, 22):
                if rnd.random() < 0.45:
                    out.append(f'<rect x="{wx}" y="{wy}" width="9" height="12" fill="#ffe29a" opacity="0.8"/>')
        x += w + rnd.randint(0, 12)
    return "".join(out)

def hills(y, color, amp=60, seed=1):
    rnd = random.Random(seed)
    pts = [f"{x},{y - amp*math.sin(x/180 + seed) - rnd.randint(0,20)}" for x in range(0, W+60, 60)]
    return f'<polygon points="0,{H} {" ".join(pts)} {W},{H}" fill="{color}"/>'

scenes = {}
boats = "".join(f'<g transform="translate({x},{y})"><path d="M0 0 L120 0 L100 30 L20 30 Z" fill="#f4f1de"/><rect x="40" y="-40" width="40" height="40" fill="#e07a5f"/><rect x="55" y="-70" width="6" height="30" fill="#3d405b"/></g>' for x, y in [(180, 470), (520, 500), (860, 480)])
cranes = "".join(f'<g stroke="#3d405b" stroke-width="10" fill="none"><path d="M{x} 420 L{x} 170 L{x+190} 170 M{x} 210 L{x+150} 170"/><path d="M{x+170} 170 L{x+170} 260" stroke-width="3"/></g>' for x in (760, 980))
scenes["harbour"] = frame("#f4a261", "#e76f51", sun(300, 260, 90) + cranes + sea(430) + boats)
scenes["rain"] = frame("#495057", "#868e96", skyline(560, "#343a40", 3) + "".join(f'<line x1="{x}" y1="{y}" x2="{x-18}" y2="{y+50}" stroke="#dee2e6" stroke-width="3" opacity="0.7"/>' for x, y in ((random.Random(i).randint(0, W), random.Random(i*7).randint(0, 600)) for i in range(220))) + '<rect y="560" width="1200" height="115" fill="#212529"/>' + "".join(f'<ellipse cx="{150+i*230}" cy="{610+(i%2)*20}" rx="70" ry="8" fill="#6c757d" opacity="0.7"/>' for i in range(5)))
awnings = ["#e63946", "#f1faee", "#2a9d8f", "#e9c46a", "#f4a261", "#457b9d"]
stalls = "".join(f'<g transform="translate({40+i*190},300)"><path d="M0 0 L170 0 L160 60 L10 60 Z" fill="{awnings[i%6]}"/><path d="M0 60 Q 21 80 42 60 Q 63 80 85 60 Q 106 80 127 60 Q 148 80 170 60" fill="{awnings[(i+1)%6]}"/><rect x="10" y="80" width="150" height="200" fill="#8d6e63"/>' + "".join(f'<circle cx="{30+j*28}" cy="{105 + (j%2)*10}" r="13" fill="{["#f77f00","#fcbf49","#d62828","#90be6d"][j%4]}"/>' for j in range(5)) + '</g>' for i in range(6))
scenes["market"] = frame("#8ecae6", "#bde0fe", stalls + '<rect y="580" width="1200" height="95" fill="#6d4c41"/>')
panels = "".join(f'<g transform="translate({60+i*280},{380 + (i%2)*30}) skewX(-20)"><rect width="220" height="120" fill="#1d3557" stroke="#a8dadc" stroke-width="4"/><path d="M73 0 V120 M146 0 V120 M0 40 H220 M0 80 H220" stroke="#a8dadc" stroke-width="3"/></g>' for i in range(5))
scenes["solar"] = frame("#48cae4", "#caf0f8", sun(980, 140, 80, "#ffba08") + "".join(f'<line x1="980" y1="140" x2="{980+150*math.cos(a)}" y2="{140+150*math.sin(a)}" stroke="#ffba08" stroke-width="6"/>' for a in [i*math.pi/6 for i in range(12)]) + '<rect y="500" width="1200" height="175" fill="#bc6c25"/>' + panels)
train = '<g transform="translate(200,330)"><rect width="760" height="120" rx="30" fill="#f1faee"/><rect y="70" width="760" height="18" fill="#e63946"/>' + "".join(f'<rect x="{40+i*90}" y="20" width="60" height="40" rx="6" fill="#457b9d"/>' for i in range(8)) + '</g>'
bridge = '<rect x="0" y="450" width="1200" height="24" fill="#3d405b"/>' + "".join(f'<path d="M{x} 474 Q {x+100} 380 {x+200} 474" stroke="#3d405b" stroke-width="14" fill="none"/>' for x in range(0, 1200, 200))
scenes["rail"] = frame("#ff9f1c", "#ffbf69", sun(600, 420, 130, "#ffe8d6") + hills(520, "#2b2d42", 30, 2) + bridge + train)
lights = "".join(f'<polygon points="{x},0 {x-120},520 {x+120},520" fill="{c}" opacity="0.18"/>' for x, c in [(250, "#f72585"), (600, "#ffd60a"), (950, "#4cc9f0")])
crowd = "".join(f'<circle cx="{x}" cy="{600+ (x*7)%40}" r="{26 + (x%3)*4}" fill="#10002b"/>' for x in range(0, 1230, 38))
scenes["festival"] = frame("#240046", "#5a189a", lights + '<rect x="150" y="380" width="900" height="40" fill="#ff9e00"/>' + "".join(f'<rect x="{330+i*150}" y="300" width="30" height="80" fill="#e0aaff"/>' for i in range(4)) + crowd)
columns = "".join(f'<rect x="{300+i*100}" y="250" width="40" height="260" fill="#f8f9fa"/>' for i in range(7))
scenes["library"] = frame("#a2d2ff", "#cdb4db", '<polygon points="260,250 600,120 940,250" fill="#e9ecef"/><rect x="260" y="240" width="680" height="20" fill="#dee2e6"/>' + columns + '<rect x="240" y="510" width="720" height="30" fill="#ced4da"/><rect x="220" y="540" width="760" height="30" fill="#adb5bd"/>' + "".join(f'<circle cx="{x}" cy="470" r="70" fill="#52b788"/><rect x="{x-8}" y="470" width="16" height="100" fill="#6f4518"/>' for x in (120, 1080)) + '<rect y="570" width="1200" height="105" fill="#74c69d"/>')
runners = "".join(f'<g transform="translate({x},{420 + (i%3)*40})" fill="{c}"><circle cx="0" cy="0" r="16"/><path d="M0 16 L-6 70 M0 30 L-30 50 M0 30 L28 40 M-6 70 L-30 110 M-6 70 L22 100" stroke="{c}" stroke-width="10" stroke-linecap="round"/></g>' for i, (x, c) in enumerate([(150, "#d00000"), (300, "#023e8a"), (450, "#ffba08"), (620, "#2d6a4f"), (780, "#7209b7"), (950, "#e85d04"), (1080, "#03045e")]))
palms = "".join(f'<g><rect x="{x}" y="200" width="18" height="220" fill="#7f5539"/>' + "".join(f'<path d="M{x+9} 200 q {dx} -40 {dx*2} 10" stroke="#2d6a4f" stroke-width="14" fill="none"/>' for dx in (-60, -30, 30, 60)) + '</g>' for x in (80, 1100))
scenes["marathon"] = frame("#90e0ef", "#caf0f8", sea(330) + '<rect y="400" width="1200" height="275" fill="#adb5bd"/><path d="M0 540 H1200" stroke="#fff" stroke-width="6" stroke-dasharray="40 30"/>' + palms + runners)
pitch = '<rect y="380" width="1200" height="295" fill="#2d6a4f"/>' + "".join(f'<rect x="{i*150}" y="380" width="75" height="295" fill="#40916c"/>' for i in range(8)) + '<ellipse cx="600" cy="530" rx="160" ry="60" stroke="#fff" stroke-width="5" fill="none"/><path d="M600 380 V675" stroke="#fff" stroke-width="5"/>'
floods = "".join(f'<g><rect x="{x}" y="40" width="14" height="340" fill="#adb5bd"/><rect x="{x-50}" y="30" width="114" height="50" fill="#f8f9fa"/></g>' for x in (100, 1080))
players = "".join(f'<g transform="translate({x},{y})"><circle r="18" fill="#6f4518"/><rect x="-18" y="20" width="36" height="60" rx="8" fill="{c}"/><path d="M-18 30 L-45 {-10 if up else 60} M18 30 L45 {-10 if up else 60}" stroke="{c}" stroke-width="12" stroke-linecap="round"/></g>' for x, y, c, up in [(420, 460, "#ffd60a", True), (520, 470, "#ffd60a", True), (640, 455, "#ffd60a", True), (800, 500, "#d00000", False)])
scenes["football"] = frame("#03045e", "#0077b6", floods + '<rect y="300" width="1200" height="80" fill="#1b263b"/>' + "".join(f'<circle cx="{x}" cy="{330+(x%3)*12}" r="9" fill="{["#ffd60a","#fff","#d00000"][x%3]}"/>' for x in range(10, 1200, 22)) + pitch + players + '<circle cx="700" cy="600" r="14" fill="#fff"/>')
beans = "".join(f'<ellipse cx="{x}" cy="{y}" rx="22" ry="15" fill="#4a2c2a" transform="rotate({r} {x} {y})"/>' for x, y, r in ((random.Random(i).randint(60, 520), random.Random(i*3).randint(440, 640), random.Random(i*5).randint(0, 180)) for i in range(70)))
scenes["coffee"] = frame("#e6ccb2", "#ddb892", '<rect y="420" width="1200" height="255" fill="#7f5539"/>' + beans + '<ellipse cx="820" cy="560" rx="230" ry="50" fill="#ede0d4"/><path d="M660 360 H980 L950 540 Q 820 590 690 540 Z" fill="#fff"/><path d="M978 400 q 80 10 60 80 q -20 50 -80 40" stroke="#fff" stroke-width="22" fill="none"/><ellipse cx="820" cy="362" rx="160" ry="26" fill="#6f4518"/>' + "".join(f'<path d="M{x} 320 q 20 -40 0 -80 q -20 -40 0 -80" stroke="#fff" stroke-width="6" fill="none" opacity="0.6"/>' for x in (770, 830, 890)))
frames_ = "".join(f'<g><rect x="{x}" y="{y}" width="{w}" height="{h}" fill="#212529"/><rect x="{x+10}" y="{y+10}" width="{w-20}" height="{h-20}" fill="{c}"/></g>' for x, y, w, h, c in [(120, 200, 220, 160, "#219ebc"), (400, 170, 300, 220, "#fb8500"), (760, 210, 200, 150, "#8ecae6"), (1000, 190, 140, 190, "#ffb703")])
scenes["gallery"] = frame("#f8f9fa", "#e9ecef", '<rect y="500" width="1200" height="175" fill="#ced4da"/>' + "".join(f'<path d="M{x} 0 V500" stroke="#dee2e6" stroke-width="6"/>' for x in range(0, 1200, 200)) + frames_ + '<g fill="#495057"><circle cx="560" cy="420" r="20"/><rect x="540" y="440" width="40" height="110" rx="10"/></g>')
scenes["clinic"] = frame("#bde0fe", "#e0fbfc", '<rect x="300" y="220" width="600" height="330" fill="#fff"/><rect x="300" y="200" width="600" height="30" fill="#0077b6"/><rect x="540" y="380" width="120" height="170" fill="#0077b6"/>' + "".join(f'<rect x="{x}" y="290" width="90" height="70" fill="#90e0ef"/>' for x in (360, 750)) + '<g fill="#d62828"><rect x="580" y="250" width="40" height="110"/><rect x="545" y="285" width="110" height="40"/></g><rect y="550" width="1200" height="125" fill="#95d5b2"/>')
seats = "".join(f'<rect x="{x}" y="{y}" width="50" height="40" rx="8" fill="#6a040f"/>' for y in range(380, 640, 60) for x in range(80 + (y%120), 1150, 90))
scenes["council"] = frame("#e5e5e5", "#d6ccc2", '<rect x="430" y="90" width="340" height="200" fill="#7f5539"/><circle cx="600" cy="170" r="50" fill="#ffd166"/>' + seats)

for name, svg in scenes.items():
    (OUT / f"{name}.svg").write_text(svg)

def portrait(name, skin, hair, shirt, bg):
    return f'''<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="240" height="240">
<rect width="240" height="240" fill="{bg}"/>
<path d="M40 240 Q 40 160 120 160 Q 200 160 200 240 Z" fill="{shirt}"/>
<rect x="104" y="130" width="32" height="40" fill="{skin}"/>
<ellipse cx="120" cy="100" rx="52" ry="60" fill="{hair}"/>
<ellipse cx="120" cy="110" rx="42" ry="50" fill="{skin}"/>
<circle cx="104" cy="106" r="5" fill="#222"/><circle cx="136" cy="106" r="5" fill="#222"/>
<path d="M106 134 Q 120 144 134 134" stroke="#222" stroke-width="4" fill="none" stroke-linecap="round"/>
</svg>
'''
(OUT / "author-amina.svg").write_text(portrait("amina", "#8d5524", "#2b1d14", "#2a9d8f", "#e9f5f2"))
(OUT / "author-tomas.svg").write_text(portrait("tomas", "#e0ac69", "#3b2a1a", "#264653", "#fdf0d5"))
(OUT / "author-grace.svg").write_text(portrait("grace", "#6b4226", "#111", "#e76f51", "#fde2e4"))
pathlib.Path("static/favicon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="10" fill="#a4161a"/><text x="32" y="46" font-family="Georgia,serif" font-size="42" font-weight="700" text-anchor="middle" fill="#fff">N</text></svg>\n')
