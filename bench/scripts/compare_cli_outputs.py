#!/usr/bin/env python3
"""Runs two `spatialplan` executables on every sample project of gis-data/samples/projects (index.json gives each
one's type, majors, width, radius and CRS) in every --format and with --pdf, and on the issue-8 footprints (JSON)
when a 1M data folder is given, and reports any byte difference in their output and exit codes. Used to show that a published CLI (AOT,
ReadyToRun) answers exactly as the JIT build does.
usage: compare_cli_outputs.py CLI_A CLI_B [DATA_1M FOOTPRINTS_DIR]"""
import json, os, subprocess, sys, glob

repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
a, b = sys.argv[1], sys.argv[2]
cases = []
samples = os.path.join(repo, 'gis-data', 'samples', 'projects')
for s in json.load(open(os.path.join(samples, 'index.json'))):
    args = ['check', os.path.join(samples, s['file']), '--data', os.path.join(repo, 'gis-data'), '--type', s['type']]
    for m in s.get('majors') or []:
        args += ['--major', m]
    for key, opt in (('width', '--width'), ('radius', '--radius'), ('crs', '--crs')):
        if s.get(key) is not None:
            args += [opt, str(s[key])]
    cases.append((s['file'], args, ('json', 'table', 'csv', 'jsonl')))
if len(sys.argv) > 4:
    for fp in sorted(glob.glob(os.path.join(sys.argv[4], 'fp*.geojson'))):
        kind = 'linear-infrastructure' if '（road）' in open(fp, encoding='utf-8').read() else 'urban-construction'
        cases.append((os.path.basename(fp), ['check', fp, '--data', sys.argv[3], '--type', kind], ('json',)))

env = dict(os.environ, TZ='UTC')
diffs = 0
runs = 0
for name, args, formats in cases:
    for fmt in formats:
        for attempt in range(2):  # the report's check time is to the minute: a run across a minute's turn is repeated
            outs = []
            for exe in (a, b):
                p = subprocess.run([exe] + args + ['--format', fmt], capture_output=True, env=env)
                outs.append((p.returncode, p.stdout, p.stderr))
            if outs[0] == outs[1]:
                break
        runs += 1
        if outs[0] != outs[1]:
            diffs += 1
            print(f'DIFF {name} --format {fmt}: exit {outs[0][0]} vs {outs[1][0]}, stdout {len(outs[0][1])} vs {len(outs[1][1])} bytes')
            if outs[0][2] != outs[1][2]:
                print('  stderr A:', outs[0][2][:300].decode(errors='replace'))
                print('  stderr B:', outs[1][2][:300].decode(errors='replace'))
# The PDF (SkiaSharp and its native library): both must write one; the pages' text must be the same.
name, args, _ = cases[0]
texts = []
for i, exe in enumerate((a, b)):
    pdf = f'/tmp/compare-cli-{os.getpid()}-{i}.pdf'
    p = subprocess.run([exe] + args + ['--pdf', pdf], capture_output=True, env=env)
    t = subprocess.run(['pdftotext', '-layout', pdf, '-'], capture_output=True)
    texts.append((p.returncode, t.returncode, t.stdout))
    os.remove(pdf) if os.path.exists(pdf) else None
runs += 1
if texts[0] != texts[1] or texts[0][1] != 0:
    diffs += 1
    print(f'DIFF {name} --pdf: exit {texts[0][0]} vs {texts[1][0]}, pdftotext {texts[0][1]} vs {texts[1][1]}, {len(texts[0][2])} vs {len(texts[1][2])} bytes of text')
print(f'{runs} runs, {diffs} differing')
sys.exit(1 if diffs else 0)
