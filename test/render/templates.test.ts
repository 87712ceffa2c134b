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
