"""Regenerate the small committed files of tests/hostile/: `python tests/hostile/make_corpus.py`.

The huge inputs (200 MB, 20 MB single line, 100,000-word sentence, 10,000 copies, deep
nesting) are made at test time in a temporary folder, never committed. What each file must
get is in manifest.toml beside this script.
"""
import io, struct, zlib, zipfile, random
from pathlib import Path
D = Path(__file__).resolve().parent
FERRY = ("Officials in the harbour town of Lenvik said the new ferry line will open on Monday. "
         "The ferry will carry up to 300 passengers a day between the islands. "
         "Local shop owners welcomed the plan, saying it would bring more visitors. "
         "The council expects the line to cut travel times by half.")
def w(name, data):
    p = D / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))

# --- reads while rendering ----------------------------------------------------------
w("leak-img-file-url.html", f"""<!DOCTYPE html><html><head><title>Harbour report</title></head><body><article>
<h1>Harbour report</h1>
<p>{FERRY}</p>
<p>The harbour master posted a photo of the quay on the town website on Monday evening. <img src="file://@SECRET@" alt="quay"> <img src="http://127.0.0.1:@PORT@/img.png"></p>
<p>Engineers said the quay would need new mooring posts before the winter storms arrive.</p>
</article></body></html>""")
w("leak-attachment.html", f"""<!DOCTYPE html><html><head><title>Council papers</title>
<link rel="attachment" href="file://@SECRET@"></head><body><article>
<h1>Council papers</h1>
<p>The council published the ferry contract and its annexes on its website on Tuesday. <a rel="attachment" href="file://@SECRET@">annex</a> <a rel="attachment" href="http://127.0.0.1:@PORT@/annex.pdf">annex two</a></p>
<p>{FERRY}</p>
</article></body></html>""")
w("leak-link-style.html", f"""<!DOCTYPE html><html><head><title>Ferry timetable</title>
<link rel="stylesheet" href="http://127.0.0.1:@PORT@/style.css">
<link rel="stylesheet" href="file://@SECRET@">
<style>@import url("http://127.0.0.1:@PORT@/import.css"); body {{ background: url("file://@SECRET@"); }}
@font-face {{ font-family: x; src: url("http://127.0.0.1:@PORT@/font.woff"); }}</style></head><body><article>
<h1>Ferry timetable</h1>
<p style="background-image: url('http://127.0.0.1:@PORT@/inline.png')">The timetable lists four crossings a day in summer and two in winter, the operator said on Wednesday.</p>
<p>{FERRY}</p>
</article></body></html>""")
w("leak-iframe-object.html", f"""<!DOCTYPE html><html><head><title>Ferry video</title></head><body><article>
<h1>Ferry video</h1>
<p>The operator released a short video of the first test crossing on Thursday morning.</p>
<iframe src="http://127.0.0.1:@PORT@/frame.html"></iframe><iframe src="file://@SECRET@"></iframe>
<object data="http://127.0.0.1:@PORT@/object.svg"></object><embed src="file://@SECRET@">
<svg><image href="http://127.0.0.1:@PORT@/svg.png"/></svg>
<p>{FERRY}</p>
</article></body></html>""")
w("leak-markdown-refs.md", f"""# Ferry line opens on Monday

{FERRY}

The harbour master shared a picture of the quay ![quay](file://@SECRET@) and a [map of the route](http://127.0.0.1:@PORT@/map) with reporters on Monday.

Engineers said the route <img src="http://127.0.0.1:@PORT@/raw.png"> avoids the shallow channel near the lighthouse entirely.

Residents can read the full plan at <http://127.0.0.1:@PORT@/auto> or in the reference [plan][ref] at the town hall.

[ref]: http://127.0.0.1:@PORT@/ref "plan"
""")
w("leak-text-refs.txt", f"""Ferry line opens on Monday

{FERRY}

A reader wrote that the page contained <img src="file://@SECRET@"> and <link rel="stylesheet" href="http://127.0.0.1:@PORT@/t.css"> in its source code.

Another said the style url(http://127.0.0.1:@PORT@/u.png) and <iframe src="http://127.0.0.1:@PORT@/if"> were also on the page.
""")
w("leak-xxe-entities.html", f"""<?xml version="1.0"?>
<!DOCTYPE html [
<!ENTITY xxe SYSTEM "file://@SECRET@">
<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<html><head><title>Ferry entity</title></head><body><article>
<h1>Ferry entity</h1>
<p>The secret annex says &xxe; and the chorus says &lol4; about the ferry plan.</p>
<p>{FERRY}</p>
</article></body></html>""")
w("leak-front-matter.md", f"""---
title: "<script>alert('title')</script> Ferry news"
url: "javascript:alert(1)"
author: "[Click me](http://127.0.0.1:@PORT@/author)"
published: "[x](http://127.0.0.1:@PORT@/published)"
publisher: "<img src=file://@SECRET@>"
---
{FERRY}
""")

# --- markup and template injection -------------------------------------------------------
w("inject-script.html", f"""<!DOCTYPE html><html><head><title>Ferry script</title><script>alert(1)</script></head>
<body onload="alert(2)"><article>
<h1>Ferry script</h1>
<p>The web page of the operator showed the text &lt;script&gt;alert(3)&lt;/script&gt; in its booking form on Friday.</p>
<p onclick="alert(4)">A spokesman said the line &lt;b onmouseover="alert(5)"&gt;bold&lt;/b&gt; had been removed by Saturday morning.</p>
<p>Readers who clicked the <a href="javascript:alert(6)">booking link</a> saw an error message instead of the form.</p>
<p>{FERRY}</p>
</article></body></html>""")
w("inject-jinja.txt", f"""Ferry line opens on Monday

{FERRY}

The booking page printed {{{{ 7*7 }}}} instead of the fare for several hours on Monday.

Engineers found {{% for x in range(10) %}}loop{{% endfor %}} and {{{{ ''.__class__.__mro__[1].__subclasses__() }}}} in the page template.

A second bug showed {{{{ config }}}} and {{# comment #}} to anyone who opened the timetable page.
""")
w("inject-markdown-in-text.txt", f"""Ferry line opens on Monday

{FERRY}

# The operator said this line is not a heading but part of its statement on Monday.

Readers were told to open [the timetable](javascript:alert(1)) or view ![the map](http://127.0.0.1:@PORT@/m.png) for the route.

> The mayor said the quote marks in the leaflet were printed in the wrong place entirely.

1. The first crossing will leave the harbour at six in the morning on weekdays.

| The | table | in the leaflet showed prices of 5 euros for adults and 2 euros for children. |

The leaflet also used **bold**, _italic_, `code` and <b>raw tags</b> in the same sentence about fares.
""")
w("inject-raw-html.md", f"""# Ferry fares announced

{FERRY}

<p onclick="alert(1)">The operator said the fares <a href="javascript:alert(2)">listed online</a> would hold until spring.</p>

<script>alert(3)</script>

The operator said the <u onmouseover="alert(4)">new fares</u> would be reviewed again in the autumn by the council.
""")
w("inject-html-comment.md", f"""# Ferry <!-- a comment in the headline --> plan

{FERRY}

The operator said the <!-- hidden note --> timetable would be published on Friday morning.

# Officials said the new timetable <script>alert(1)</script> was final <!--.
""")
w("inject-bidi-and-controls.txt", f"""Ferry line opens on Monday

{FERRY}

The harbour office said the \u202egnirts desrever\u202c in its notice was a printing error on Monday.

A terminal escape \x1b[31mred text\x1b[0m and a bell \x07 were found in the operator's data feed on Tuesday.
""")

# --- resource exhaustion (the huge ones are generated at test time) ------------------
# a zip bomb: 50 MB of one byte in 50 KB
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr(zipfile.ZipInfo("index.html", (2020, 1, 1, 0, 0, 0)), b"<p>" + b"A" * (50 * 1024 * 1024) + b"</p>",
               compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
w("bomb-zip.html", buf.getvalue())
co = zlib.compressobj(9, zlib.DEFLATED, 31); w("bomb-gzip.html", co.compress(b"<p>" + b" " * (20 * 1024 * 1024)) + co.flush())
w("nesting-blockquotes.md", "> " * 3000 + "The mayor said the ferry line will open on Monday after years of delay.\n\n" + FERRY + "\n")
w("nesting-lists.md", "".join("  " * i + "- item\n" for i in range(200)) + "\n" + FERRY + "\n")
w("nesting-divs.html", "<html><head><title>Deep</title></head><body>" + "<div>" * 5000
  + "<p>The mayor said the ferry line will open on Monday after years of delay and debate.</p>" + "</div>" * 5000 + "</body></html>")
w("long-sentence.txt", "Ferry line opens on Monday\n\n" + " ".join(["ferry"] * 5000) + ".\n")
w("yaml-alias-bomb.md", """---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
title: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
author: *i
---
""" + FERRY + "\n")

# --- broken files ------------------------------------------------------------------
random.seed(6)
w("binary-random.txt", bytes(random.randrange(256) for _ in range(2048)))
w("renamed-pdf.txt", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
def png():
    def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b"")
w("renamed-png.txt", png())
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr(zipfile.ZipInfo("article.txt", (2020, 1, 1, 0, 0, 0)), FERRY)
w("renamed-zip.txt", buf.getvalue())
co = zlib.compressobj(9, zlib.DEFLATED, 31); w("renamed-gzip.md", co.compress(FERRY.encode()) + co.flush())
w("binary-elf.html", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
w("nul-bytes.txt", ("Ferry line opens on Monday\n\n" + FERRY).encode().replace(b"ferry", b"fe\x00rry"))
bridge = ("Engineers in Tromvik said the old bridge will close for repairs on Friday. "
          "Drivers will have to use the coast road, which adds about twenty minutes to the trip. "
          "The work is expected to take six weeks and to cost about two million crowns.")
w("utf8-truncated.txt", ("Bridge closes for repairs\n\n" + bridge + " The mayor said: “We are sorry.”").encode("utf-8")[:-1])
w("utf16-bom.txt", ("Bridge closes for repairs\n\n" + bridge.replace("Engineers", "“Engineers”")).encode("utf-16"))
w("utf16le-no-bom.txt", ("Bridge closes for repairs\n\n" + bridge.replace("Engineers", "Engineers’")).encode("utf-16-le"))
w("utf16be-no-bom.md", ("# Bridge closes for repairs\n\n" + bridge + " Officials said the café by the bridge stays open.").encode("utf-16-be"))
w("cp1252.txt", ("Bridge closes for repairs\n\n" + bridge.replace("Engineers", "“Engineers”") + " The café owner said – with a shrug – that business would suffer.").encode("cp1252"))
w("mixed-line-endings.txt", ("Bridge closes for repairs\r\n\r\n" + bridge.replace(". ", ".\r\n", 1).replace(". D", ".\rD", 1) + "\n\nThe council will meet on Monday to discuss a temporary ferry across the fjord.\r\n").encode())
w("only-punctuation.txt", "!!! ??? ... --- *** ;;; ::: ,,, ''' \"\"\" ((( ))) ... !?!?\n\n. . . . .\n")
w("only-headline.txt", "Bridge Closes For Repairs In Tromvik\n")
w("only-whitespace.md", "\n\n   \t \n\u00a0\u2003\n")
w("empty.txt", "")
w("rtl-arabic.txt", "قال مسؤولون في المدينة إن خط العبارة الجديد سيفتتح يوم الاثنين المقبل. "
  "وستنقل العبارة ما يصل إلى ثلاثمائة راكب يوميا بين الجزر القريبة من الساحل. "
  "ورحب أصحاب المتاجر المحلية بالخطة وقالوا إنها ستجلب المزيد من الزوار إلى المدينة.\n")
w("rtl-hebrew.md", "# מעבורת חדשה\n\nפקידים בעיר אמרו כי קו המעבורת החדש ייפתח ביום שני הקרוב. "
  "המעבורת תסיע עד שלוש מאות נוסעים ביום בין האיים הקרובים לחוף. "
  "בעלי החנויות המקומיים בירכו על התוכנית ואמרו שהיא תביא יותר מבקרים לעיר.\n")
w("cjk-chinese.txt", "市政官员周一表示，新的渡轮航线将于下周一开通。渡轮每天最多可运送三百名乘客往返于各岛屿之间。当地店主对这一计划表示欢迎，称这将为城市带来更多游客。\n")
w("emoji.txt", "Ferry line opens 🚢 on Monday\n\nOfficials in the harbour town of Lenvik said the new ferry 🚢 line will open on Monday 🎉. "
  "The ferry will carry up to 300 passengers 👨‍👩‍👧‍👦 a day between the islands 🏝️. "
  "Local shop owners welcomed the plan 👍🏽, saying it would bring more visitors. "
  "The council expects the line to cut travel times by half ⏱️.\n")
w("bad-front-matter.md", "---\ntitle: [unclosed\nauthor: : :\n---\n" + FERRY + "\n")
w("html-without-article.html", "<html><head><title>Menu</title></head><body><nav><a href=/>Home</a> <a href=/world>World</a></nav></body></html>")
w("path-traversal-title.md", "---\ntitle: \"../../../../tmp/briefing-pwned\"\n---\n" + bridge + "\n")
print(f"{len(list(D.iterdir()))} files in {D}")
