import { describe, expect, it } from 'vitest';
import { createRenderer, TemplateError } from '../../src/render/templates.js';

describe('templates', () => {
  it('escapes every value for Markdown unless the template says raw', () => {
    const r = createRenderer({ 't.md.liquid': '| {{ cell }} | {{ safe | raw }} |' });
    expect(r.render('t', { cell: '| <script>x</script> *y*', safe: '**bold**' })).toBe('| \\| &lt;script&gt;x&lt;/script&gt; \\*y\\* | **bold** |');
  });

  it('cannot reach the file system: includes resolve only among the templates given', () => {
    const r = createRenderer({ 't.md.liquid': "{% include '/etc/passwd' %}", 'u.md.liquid': "{% render '../../package.json' %}" });
    expect(() => r.render('t', {})).toThrow(TemplateError);
    expect(() => r.render('u', {})).toThrow(TemplateError);
  });

  it('cannot reach the environment, the process or prototypes', () => {
    const r = createRenderer({ 't.md.liquid': '[{{ process.env.HOME }}][{{ env }}][{{ constructor }}][{{ x.constructor.name }}][{{ x.__proto__ }}]' });
    expect(r.render('t', { x: {} })).toBe('[][][][][]');
  });

  it('names the template and the problem when one is broken or missing', () => {
    const r = createRenderer({ 'broken.md.liquid': '{% if %}' });
    expect(() => r.render('broken', {})).toThrow(/template broken\.md\.liquid: /);
    expect(() => r.render('absent', {})).toThrow(/template absent\.md\.liquid: no such template; expected one of broken\.md\.liquid/);
  });

  it('refuses unknown filters rather than ignoring them', () => {
    const r = createRenderer({ 't.md.liquid': '{{ x | shell }}' });
    expect(() => r.render('t', { x: 1 })).toThrow(TemplateError);
  });
});

describe('HTML templates', () => {
  it('escape every value for HTML unless the template says raw', () => {
    const r = createRenderer({ 'p.html.liquid': '<p title="{{ t }}">{{ t }}</p>{{ safe | raw }}' });
    expect(r.render('p.html', { t: `<b>"O'Neil" & co</b>`, safe: '<i>ok</i>' })).toBe('<p title="&lt;b&gt;&quot;O&#39;Neil&quot; &amp; co&lt;/b&gt;">&lt;b&gt;&quot;O&#39;Neil&quot; &amp; co&lt;/b&gt;</p><i>ok</i>');
  });

  it('write a CSS string that can end neither the string nor the style element', () => {
    const r = createRenderer({ 'p.html.liquid': '<style>a::after { content: {{ t | css_string | raw }}; }</style>' });
    const css = r.render('p.html', { t: 'Plan "A" \\ </style><script>x' });
    expect(css).toBe('<style>a::after { content: "Plan \\22 A\\22  \\5c  \\3c /style\\3e \\3c script\\3e x"; }</style>');
    expect(css.match(/<\/style>/g)).toHaveLength(1);
  });

  it('include other HTML templates by name, and Markdown templates stay Markdown', () => {
    const r = createRenderer({ 'p.html.liquid': "<style>{% include 'p-style' %}</style>", 'p-style.html.liquid': 'b { x: 1 }', 'm.md.liquid': '{{ t }}' });
    expect(r.render('p.html', {})).toBe('<style>b { x: 1 }</style>');
    expect(r.render('m', { t: '<b>' })).toBe('&lt;b&gt;');
  });
});
