"""Poller URL templates: the macro grammar, the CEQL ``where`` grammar, and rendering.

* :mod:`validator.urls.pieces` -- :func:`lex_url`: macros, leftovers, placeholders and text;
* :mod:`validator.urls.template` -- :func:`parse_url_template`: path, variables, query, macros, facts;
* :mod:`validator.urls.ceql` -- :func:`parse_where`: the CEQL filter of the ``where`` parameter;
* :mod:`validator.urls.render` -- :func:`render_url`: the URL the platform builds for a sample poll time;
* :mod:`validator.urls.facts` -- :class:`UrlFact`: what the grammars find, with no rule code.

The CE6xx rules that report these facts are declared in :mod:`validator.rules.urls`.
"""
