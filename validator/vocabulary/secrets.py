"""Which keys and URL query parameters hold secrets: the one definition masking and CE751 share.

**Secret keys.**  The last dot-separated segment of a key is split into words (``_``, ``-``,
camelCase); the segment before it counts as the word before.  A key is secret when:

* a word is, or ends in, ``password``, ``passwd``, ``passphrase``, ``secret`` or ``credential(s)``, or is ``pwd``,
  ``pswd``, ``psw``, ``pword`` or a misspelt abbreviation (``paswd``, ``passw``) (``user.password``, ``oauth.api.secret``,
  ``clientSecret``, ``secret_key``, ``passPhrase``), or the last two segments spell one (``pass.word``);
  or a word is "password", "secret" or "token" in another language (``senha``, ``senha_api``, ``mot_de_passe``,
  ``Kennwort``, ``пароль``, ``κωδικός``, ``mật_khẩu``, ``密钥``, ``トークン``);
* the last word is ``token`` (or ``apptoken``, ``apiTokens``, ``authtoken``, ``accesstoken``, ``refreshtoken``...),
  except pagination cursors and request tokens (``since_token``, ``nextPageToken``, ``requestToken``);
* the last word is ``apikey``/``hapikey``, or ``key`` (or ``keys``, a list of them: ``apiKeys``) after ``signature``, ``signing``, ``subscription``,
  ``encoded``, ``private``, ``api``, ``hmac``, ``shared``, ``access``, ``encryption``, ``master``, ``secret``,
  ``webhook``, ``auth``, ``functions``, ``user``, ``app``, ``developer`` or ``account`` (``apim.subscription.key``,
  ``signingKey``, ``hmac.key``, ``x-api-key``, ``private_key``, 3scale's ``user_key``, Datadog's ``app_key``,
  Azure's ``AccountKey``); after ``user``, ``app``, ``developer`` or ``account`` the key may also be an identifier
  (Jira's ``userKey``), so CE751 reports its value only when it reads like a token;
* a word is ``authorization`` (a header value), or the last word is ``pass``, ``pw``, ``passcode`` or ``hmac`` (a
  signing key: ``webhook.hmac``) (not ``passThrough``, ``pw_history``, ``hmacAlgorithm``);
* any of these with a copy's suffix: an environment, a version, an encoding or ``value`` (``api.key.prod``,
  ``SAGE_API_KEY_PROD``, ``apiKeyV2``, ``private_key_pem``, ``token.value``), or glued to an acronym
  (``APIkey``, ``SAStoken``);
* a word is one edit away from ``password``, ``passphrase``, ``secret`` or ``credential``
  (``pasword``, ``secert``): a misspelt key still holds the secret.

Not secret: OAuth client ids (``oauth.api.key``, ``sfdc.api.key``, ``consumer_key``), names of secrets
(``...keyname``), URLs (``oauth.token.url``), lifetimes (``refresh_interval``), ids (``token_id``), what is
said about one (``passwordFile``, ``secretRef``, ``password_expires_at``, ``secretsManagerRegion``, ``pswSettings``);
nor the value of a flag (:func:`is_flag`: ``"hasSignature": "true"``, ``?requirePassword=yes``), though its key stays a
secret's (``noReplyPassword`` holds a password).

**Grants.**  ``code``, ``oauth_verifier``, ``oauth_token``, ``request_token`` (one-time OAuth values),
the ``Cookie`` and ``Set-Cookie`` headers, session ids (``jsessionid``, ``sessionId``, ``session.id``), a
presigned URL's ``X-Amz-Signature`` and the nonstandard ``Authentication`` and ``X-Auth`` headers hold values
that are masked in every output but never reported as committed secrets (they expire, or the name alone does
not say the value is a lasting credential; a page's sample cookie is not a leak to rotate).  So are the values of
keys named as a credential less surely (:func:`may_hold_a_secret`): a glued or suffixed name (``dbpass``,
``userpass``, ``apikeyv2``, ``tokenStr``, ``apiKeyEncoded``), an Authorization header's value (``authHeader``,
``tokenHeader``), short names (``pat``, ``sas``, ``otp``, ``pepper``, ``jwt``, ``pem``, ``refreshTok``, ``MYAPP_CRED``), a database's
connection string (``dsn``, ``connectionString``: its password is in it), signed assertions (``client_assertion``,
``saml_response``), ``clave`` and ``parola`` (a password in Spanish, Romanian and Turkish, but also "key" and "word"),
and keys of storage, signing and encryption (``storageKey``, ``jwtKey``, ``aes_key``, ``clientKey``, ``ssh_key``,
recovery codes).

**URL query parameters** carry credentials when the name is a secret key (``?apiKey=``,
``&access_token=``, ``&client_secret=``), one of ``key``, ``sig``, ``auth``, ``signature``, ``sign``, ``ak``,
``code``, or ends in ``signature`` (``X-Goog-Signature``); all are masked, and those named as a secret key are reported by CE751 when committed, as is
a URL's ``user:password@``.

**Masked, never reported** (:func:`may_hold_a_secret`): keys whose value is most likely a secret but whose name
alone does not say so surely enough for CE751: a last segment that, its words glued, ends in ``token``,
``secret``, ``password`` or a secret ``...key`` (``clienttoken``, ``APISECRETKEY``, ``signaturekey``); the words
a list of ``tokens`` (not a count: ``max_tokens``); ``pin``, ``pincode``, ``creds``, ``bearer``, ``authorisation``, ``signature``, ``privkey``, ``enckey``, ``salt``, a
keystore's ``storepass``/``keypass`` or a TOTP ``seed``; ``key`` after ``priv``, ``enc``, ``partner``, ``order``,
``transaction``, ``merchant``, ``routing`` or ``integration`` (``partner.key``, Ecwid's ``order.key``,
Authorize.net's ``transactionKey``); a ``verificationToken`` (Slack's, Zoom's);
``hash`` after ``webhook``, ``signature`` or ``hmac``; a custom header ending in ``auth`` or ``session``
(``X-Custom-Auth``), or in ``key`` (``X-Mashape-Key``; not an idempotency or cache key); and ``key`` or ``token``
misspelt after a qualifier (``apiKye``, ``accessTokn``, ``x-api-kee``).  Masking more than is secret costs an excerpt a few characters;
reporting it would be a false alarm.

**Credential keys** (:func:`is_credential_key`) are wider: they also take client ids, usernames and
account ids, whose values a placeholder may stand for (``"username": "STRIPE_API_KEY"``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from .spelling import one_edit_away

__all__ = ["PLATFORM_HEADER_PARTS", "PROSE_SECRET_NAMES", "SecretKind", "is_ambiguous_parameter", "is_credential_key", "is_credential_parameter",
           "is_flag", "is_secret_key", "is_secret_parameter", "looks_like_a_token", "may_be_a_credential_parameter",
           "may_be_an_identifier", "may_hold_a_secret", "reads_like_a_password", "secret_kind", "unquotable"]

SecretKind = Literal["secret", "grant"]

_ENDINGS = ("password", "passwd", "passphrase", "secret", "credential", "credentials")
_WORDS = frozenset({"pwd", "pswd", "psw", "pword", "authorization",
                    "paswd", "passw", "passwrd", "paswrd", "pswrd"})  # (a password's abbreviations, misspelt: not
# by one edit from `passwd`, which `passed` is)
# "Password", "secret" and "token" in the languages keys are written in (`senha`, `mot_de_passe`, `Kennwort`,
# `пароль`, `令牌`), as a word or its words glued
_FOREIGN = frozenset({"senha", "contraseña", "contrasena", "contraseña", "motdepasse", "kennwort", "passwort",
                      "wachtwoord", "пароль", "パスワード", "密码", "密碼", "비밀번호", "hasło", "haslo",
                      "lösenord", "losenord", "passord", "adgangskode", "salasana", "jelszó", "jelszo", "şifre",
                      "sifre", "geheimnis", "secreto", "segreto", "segredo", "clavesecreta", "claveapi",
                      "chiavesegreta", "chiaveapi", "chavesecreta", "geheimschlüssel", "cléapi", "cleapi",
                      "motdepasseapi", "heslo", "wagwoord", "lozinka", "matkhau", "katasandi",
                      "密钥", "秘钥", "令牌", "口令", "トークン", "シークレット", "秘密鍵", "토큰", "암호",
                      # (helper-120's: Russian's token and secret, Japanese's secret, Portuguese's and French's)
                      "токен", "секрет", "秘密", "palavrapasse", "clésecrète", "clesecrete",
                      # (helper-129's: Greek's and Vietnamese's password, as written and without the accents)
                      "κωδικός", "κωδικος", "mậtkhẩu", "lösenordet", "apischlüssel",
                      # (helper-135's: Hebrew, Arabic, Persian, Urdu, Hindi, Thai, Tamil, Bengali, Slovenian, Icelandic,
                      # Turkish; French's and Dutch's token, secret and credentials)
                      "סיסמה", "סיסמא", "كلمةالسر", "كلمةالمرور", "رمزعبور", "گذرواژه", "پاسورڈ", "पासवर्ड",
                      "รหัสผ่าน", "கடவுச்சொல்", "পাসওয়ার্ড", "geslo", "lykilorð", "lykilord", "gizlianahtar",
                      "jeton", "geheim", "zugangsdaten", "identifiants", "mdp",
                      # (helper-148's: "API key" in Portuguese, Japanese, Chinese, Russian)
                      "chavedeapi", "chaveapi", "apiキー", "api密钥", "ключapi", "apiключ"})  # (not `parola`, also
# Italian's word: masked, not reported, as a short name below)
# ... and as prose writes them, with a "key" or two (`La contraseña es ...`, `Der API-Schlüssel: ...`, `密码是 ...`):
# each, its blanks and dashes dropped, is a secret key's word above or a short name below (a test keeps them so)
PROSE_SECRET_NAMES = ("contraseña", "contrasena", "clave", "clave secreta", "clave api", "passwort", "kennwort",
                      "schlüssel", "api-schlüssel", "geheimschlüssel", "mot de passe", "clé api", "senha",
                      "palavra-passe", "wachtwoord", "hasło", "haslo", "lösenord", "lösenordet", "passord", "salasana",
                      "jelszó", "şifre", "heslo", "lozinka", "пароль", "パスワード", "密码", "密碼", "비밀번호",
                      "κωδικός", "mật khẩu", "parola", "chave de api", "chave api", "apiキー", "api キー", "密钥",
                      "api密钥", "ключ api", "api-ключ")
# What follows a secret's name in languages that put the noun first (`senha_api`, `clave_usuario`)
_QUALIFIERS_AFTER = frozenset({"api", "app", "user", "usuario", "utilisateur", "utente", "admin", "db", "do", "da", "de",
                               "del", "du", "prod", "dev", "test"})
# The parts of the platform's Authorization header (`User <secret>, Organization <secret>, Element <token>`), as it
# writes them
PLATFORM_HEADER_PARTS = ("User", "Organization", "Element")
# ... and the user and organization secrets as scripts name their variables (`CE_USER=... CE_ORG=... curl ...`,
# `export CLOUD_ELEMENTS_ORG=...`; not `CE_ELEMENT`, which most often names an element's key, `hubspot`)
_PLATFORM_PREFIXES = frozenset({"ce", "cloudelements", "sapce"})  # (its words joined)
_PLATFORM_PARTS = frozenset({"user", "org", "organization", "organisation"})
# only as the last word: `user_pw`, `webhook.hmac`; not `pw_history`, `passThrough`, `hmacAlgorithm`
_LAST_WORDS = frozenset({"pw", "pass", "passcode", "hmac"})
_TOKENS = frozenset({"token", "apptoken", "apitoken", "authtoken", "accesstoken", "refreshtoken", "tokenaccess",
                     "bearertoken", "sessiontoken", "idtoken", "apitokens", "accesstokens"})  # (not `tokens`: a count)
_PAGINATION = frozenset({"since", "page", "next", "prev", "previous", "sync", "cursor", "continuation", "delta",
                         "change", "changes", "start", "request", "csrf", "xsrf", "verification"})
# `key` after these is a secret in some APIs (3scale's and Pardot's user key, Datadog's app_key, Azure's AccountKey)
# and an identifier in others (Jira's `userKey=JIRAUSER10100`): masked, but reported as committed only when its value
# reads like a token (:func:`may_be_an_identifier`).
_ID_QUALIFIERS = frozenset({"user", "app", "developer", "account"})
_KEY_QUALIFIERS = frozenset({"signature", "signing", "subscription", "encoded", "private", "api", "hmac", "shared",
                             "access", "encryption", "master", "secret", "webhook", "auth", "functions", "apim",
                             "app", "developer"}
                            ) | _ID_QUALIFIERS
# Words and segments after the name of a secret that say which copy it is, not what it is: an environment
# (`api.key.prod`, `SAGE_API_KEY_PROD`), a version (`apiKeyV2`), an encoding (`private_key_pem`), `value`.
_COPY_WORDS = frozenset({"prod", "production", "dev", "development", "test", "testing", "staging", "stage", "qa",
                         "uat", "sandbox", "live", "v", "old", "new", "primary", "secondary", "backup", "pem", "b64",
                         "base64", "value"})
# Compounds that lose their words when an acronym is glued to them (`APIkey`, `SAStoken`, `oauth2token`).
_GLUED = ("apikey", "apikeys", "apitoken", "sastoken", "oauthtoken", "oauth2token", "authtoken", "accesstoken",
          "passphrase", "masterkey", "appkey", "devkey", "developerkey", "apipass")  # (`passPhrase`: its camel case splits the word)
_CLIENT_IDS = frozenset({"oauth.api.key", "sfdc.api.key"})
_CODE_QUALIFIERS = frozenset({"auth", "authorization", "access", "oauth", "verification", "activation", "otp",
                              "mfa", "security", "secret", "login", "one", "reset", "recovery", "backup"})
_GRANTS = frozenset({"code", "oauth_verifier", "oauth_token", "requesttoken", "request_token", "cookie",
                     "set-cookie", "oauth_signature", "jsessionid", "phpsessid", "aspsessionid", "sessionid", "session_id", "session-id",
                     "authentication", "x-auth", "x-amz-signature", "authcode", "accesscode"})
_NAMES_OF_SECRETS = re.compile(r"(?:key|secret|token|password)(?:name|field|id|type|url|uri|path|location|header|"
                               r"expir\w*|length|format|prefix|in)$")
# A last word that makes the key about a secret, not the secret (``passwordExpiry``, ``tokenType``).
_ABOUT_WORDS = frozenset({"expiry", "expires", "expiration", "length", "policy", "type", "format", "field", "name",
                          "id", "url", "uri", "enabled", "required", "hint", "label", "reset", "changed", "updated",
                          "created", "age", "interval", "lifetime", "timeout", "ttl", "header", "prefix", "location",
                          "path", "endpoint", "count", "version", "mode", "file", "files", "ref", "reference",
                          "provider", "at", "regex", "pattern", "link", "region", "arn", "store", "manager", "rule",
                          "rules", "strength", "history", "source", "settings", "setting", "config", "configuration",
                          "options", "requirements", "complexity"})
# A first word that makes the key a flag about a secret (`hasSignature`, `requirePassword`, `isSecret`): its value
# is shown when it reads as a flag's (:func:`is_flag`); not `verify` or `validate`, whose token is a shared secret
# (Facebook's `hub.verify_token`).  The key stays a secret's: `noReplyPassword` holds a password.
_FLAG_WORDS = frozenset({"has", "is", "use", "uses", "enable", "enabled", "disable", "require", "requires",
                         "required", "show", "hide", "should", "can", "allow", "skip", "no", "needs"})
_FLAG_VALUES = frozenset({"true", "false", "yes", "no", "on", "off", "0", "1", "enabled", "disabled", "required",
                          "optional", "none", "null", ""})
_FUZZY_TARGETS = ("password", "passphrase", "secret", "credential")
_QUERY_WORDS = frozenset({"key", "sig", "auth", "signature", "code", "sign", "ak", "bearer", "session", "ticket", "pin",
                          "sid", "jwt", "otp"})  # (a session id, a one-time password: tokens in a URL)
# (`sign`: Alibaba; `ak`: Baidu; a session or a CAS ticket, a bearer token, a PIN: by the value's shape)
_IDENTIFIER_WORDS = frozenset({"key", "id", "sid", "username", "user", "login", "account", "accountid", "clientid",
                               "appid", "tenant", "tenantid", "email"})


_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")  # apiKey, XApiKey
_WORD_BREAK = re.compile(r"[_\-\s]+")


@lru_cache(maxsize=32768)  # secret_kind and may_hold_a_secret split the same last segment
def _words(segment: str) -> tuple[str, ...]:
    spaced = _CAMEL_HUMP.sub("_", segment) if not segment.islower() else segment
    # a numbered copy is the same word (`token2`, `PWD2`, `apikey_v2` keeps its `v2`); an encoding's name keeps its
    # digits (`b64`, `base64`: stripped, no copy word named them, and `api_key_b64` was no secret's)
    return tuple(w if w in _COPY_WORDS else w.rstrip("0123456789") or w for w in _WORD_BREAK.split(spaced.lower()) if w)


_LONGEST_JUDGED = 200


def _judged_part(key: str) -> str | None:
    """The part of ``key`` its name is judged by: the whole key, or for a key past 200 characters its last whole
    dot-separated segments within them (a secret's name ends a key: `x.x.<...>.password`), else None (one word that
    long names nothing).  The bound keeps the word splitting linear on hostile keys."""
    if len(key) <= _LONGEST_JUDGED:
        return key
    tail = key[-_LONGEST_JUDGED:]
    dot = tail.find(".")
    if dot < 0:
        return None
    return tail[dot + 1:] or None


def _about_a_secret(words: tuple[str, ...]) -> bool:
    """Whether a key's words say something about a secret, not hold one: its last word (``passwordExpiry``,
    ``pswSettings``)."""
    return len(words) > 1 and words[-1] in _ABOUT_WORDS


def is_flag(key: str, value: object) -> bool:
    """Whether ``key``'s ``value`` is a flag's, not a secret: a boolean, or a flag's word (``true``, ``yes``,
    ``required``) under a key that starts as a flag's name does (``hasSignature``, ``requirePassword``)."""
    if isinstance(value, bool):
        return True
    if not isinstance(value, str) or value.strip().lower() not in _FLAG_VALUES:
        return False
    tail = _judged_part(key) if isinstance(key, str) else None
    words = _words(tail.rsplit(".", 1)[-1]) if tail else ()
    return len(words) > 1 and words[0] in _FLAG_WORDS


# Large enough for every key of a body with 10,000 pollers: masking and the rules ask about each key in
# turn, and a cache smaller than the keys asked in order would miss every time.
@lru_cache(maxsize=32768)
def secret_kind(key: str) -> SecretKind | None:
    """``"secret"`` for a key that holds a secret, ``"grant"`` for a one-time OAuth value or a session cookie,
    else ``None``."""
    if not isinstance(key, str) or not key:
        return None
    key = _judged_part(key) or ""
    if not key:
        return None
    if not key.isascii():  # `ｐａｓｓｗｏｒｄ` (full-width): the word it shows
        import unicodedata

        key = unicodedata.normalize("NFKC", key)
    lowered = key.lower()
    if lowered in _CLIENT_IDS:
        return None
    segments = lowered.split(".")
    cased = key.split(".")
    while len(segments) > 1 and (segments[-1] in _COPY_WORDS or segments[-1].rstrip("0123456789") in _COPY_WORDS
                                 or segments[-1].isdigit()):
        # `api.key.v2`, `.prod2`, `api.key.2`
        segments, cased = segments[:-1], cased[:-1]
        if ".".join(segments) in _CLIENT_IDS:
            return None
    if segments[-1] in _GRANTS:
        return "grant"
    words = _words(cased[-1])
    while len(words) > 1 and (words[-1] in _COPY_WORDS or words[-1].isdigit()):  # `API_KEY_2`, `token_2`
        words = words[:-1]
    if not words or _NAMES_OF_SECRETS.search(words[-1]) or _about_a_secret(words):
        return None
    if words[-1] in _FOREIGN or "".join(words) in _FOREIGN or "".join(segments) in _FOREIGN \
            or words[0] in _FOREIGN and _QUALIFIERS_AFTER.issuperset(words[1:]):
        return "secret"  # (`senha_api`, `mot.de.passe`; not `kennwort_hinweis`, a hint about one)
    if len(segments) > 1 and "".join(segments[-2:]) in _ENDINGS:
        return "secret"  # a word split by a dot (`pass.word`)
    if len(words) >= 2 and words[-1] in _PLATFORM_PARTS and "".join(words[:-1]) in _PLATFORM_PREFIXES:
        return "secret"
    if any(w.endswith(_ENDINGS) or w in _WORDS for w in words) or words[-1] in _LAST_WORDS \
            or "".join(words).endswith(_GLUED):
        return "secret"
    last = words[-1]
    before = words[-2] if len(words) > 1 else (segments[-2] if len(segments) > 1 else "")
    if before == "session" and last in ("id", "key"):
        return "grant"  # `session.id` (sfdc's), `sessionKey`: a session, like a cookie
    if last == "code" and before in _CODE_QUALIFIERS:
        return "grant"  # `auth_code`, `access_code`: a one-time code, like OAuth's `code`
    if last in _TOKENS:
        return None if before in _PAGINATION else "secret"
    if last in ("apikey", "hapikey", "privatekey", "signingkey", "secretkey", "accesskey", "authkey"):
        return "secret"
    if last in ("key", "keys"):  # (`apiKeys`, `signing_keys`: a list of them)
        return "secret" if before in _KEY_QUALIFIERS and "consumer" not in words else None
    if _misspells_a_secret(words):
        return "secret"
    plain = _undisguised(key)
    return secret_kind(plain) if plain != key else None


@lru_cache(maxsize=4096)  # (keys share their words: `resource1`, `resource2`, ... are all `resource`)
def _misspells_a_secret(words: tuple[str, ...]) -> bool:
    """Whether one of ``words`` is a secret's name misspelt (`passwrd`, `secert`): one edit away from it."""
    return any(one_edit_away(w, t) for w in words if len(w) >= 5 for t in _FUZZY_TARGETS if abs(len(w) - len(t)) <= 1)


# Digits written for letters (`pa55word`, `P4SSW0RD`, `s3cr3t`), and letters of other scripts that look like Latin ones
# (`раssword`, its `р` and `а` Cyrillic): a secret's name disguised, or pasted from a page
_LEET = str.maketrans("013457", "oieast")
_LOOK_ALIKES = str.maketrans("аеорсухіѕјԁοαρειτυνκ", "aeopcyxisjdoapeituvk")
_ALNUM_RUN = re.compile(r"[^\W_]+")


def _undisguised(key: str) -> str:
    """``key`` with the digits inside a word of letters (`pa55word`: not `key1`, `oauth2`) and the look-alike letters
    of a word that mixes scripts read as the Latin letters they stand for."""
    def read(run: re.Match[str]) -> str:
        word = run.group()
        if not word.isascii() and any("a" <= char.lower() <= "z" for char in word):
            word = word.translate(_LOOK_ALIKES)
        if word[0].isalpha() and word[-1].isalpha() and any(char.isdigit() for char in word) and word.isascii():
            shouted = word.upper() == word  # (`P4SSW0RD`: its letters read in its own case, one word)
            word = word.translate(_LEET).upper() if shouted else word.translate(_LEET)
        return word

    if key.isascii():  # (an ASCII word is read anew only with a letter after a digit in it: most keys have none)
        return _ALNUM_RUN.sub(read, key) if _DIGIT_THEN_LETTER.search(key) is not None else key
    return _ALNUM_RUN.sub(read, key)


_DIGIT_THEN_LETTER = re.compile(r"[0-9][A-Za-z]")


_NOT_TOKENS = frozenset({"taken", "toke", "tones", "token", "tokens", "apike"})  # (`tokens`: a count, `max_tokens`)


# What a credential's value is written as, after its name (`tokenStr`, `apiTokenRaw`, `private_key_pkcs8`)
_REPRESENTATIONS = frozenset({"str", "string", "raw", "encoded", "hex", "b64", "base64", "pkcs8", "der", "bytes"})
# The headers whose value is a credential (`authHeader`: `Bearer ...`)
_HEADER_OWNERS = frozenset({"auth", "authorization", "authorisation", "token", "bearer", "apikey"})
# Short names of a credential alone: a personal access token, Azure's shared access signature, a one-time password's
# seed, a key-encryption key, a hash's pepper
_ALONE = frozenset({"pat", "sas", "otp", "totp", "hotp", "kek", "dek", "pepper",
                    # a JSON web token, a PEM block, a database's connection string (its password in it), a password
                    # in Spanish or Romanian and Turkish (`clave` is also a key, `parola` Italian's word)
                    "jwt", "pem", "dsn", "connectionstring", "connstr", "clave", "parola", "schlüssel"})
_NOT_PASSWORDS = frozenset({"bypass", "compass", "surpass", "overpass", "underpass", "trespass", "encompass", "impass",
                            "multipass", "onepass", "firstpass", "secondpass"})
_GLUED_ENDINGS = ("token", "secret", "password", "passwd", "secretkey", "signaturekey", "subscriptionkey",
                  "signingkey", "privatekey", "accesskey", "apikey", "hmackey")
_MASKED_WORDS = frozenset({"pin", "pincode", "passcode", "cred", "creds", "bearer", "authorisation", "signature", "sig",
                           "signing", "privkey", "clientassertion", "samlassertion", "samlresponse",
                           "enckey", "encryptionkey", "salt", "storepass", "keypass", "keystorepass", "truststorepass"})
# (Authorize.net's `transactionKey`, PayU's `merchant.key`, PagerDuty's `routing_key` and `integration_key`)
_MASKED_KEY_QUALIFIERS = frozenset({"storage", "sas", "jwt", "aes", "recovery", "client", "hmac", "kms", "wrapping", "ssh",
                                    "priv", "enc", "partner", "order", "transaction", "merchant", "routing",
                                    "integration"})
_HASH_QUALIFIERS = frozenset({"webhook", "signature", "hmac"})
_NOT_CREDENTIAL_KEYS = frozenset({"idempotency", "cache", "partition", "dedup", "deduplication", "correlation", "sort",
                                  "primary", "foreign"})


_TOKEN_COUNTS = frozenset({"max", "prompt", "total", "remaining", "completion", "input", "output", "num", "count",
                           "used", "min", "cached", "reasoning"})


@lru_cache(maxsize=32768)
def may_hold_a_secret(key: str) -> bool:
    """Whether ``key``'s value is masked though :func:`secret_kind` does not call it a secret (see the module
    documentation): a secret by a name that says so less surely, which CE751 does not report."""
    if not isinstance(key, str) or not key:
        return False
    key = _judged_part(key) or ""
    if not key or key.lower() in _CLIENT_IDS:
        return False
    segments = key.split(".")
    words = _words(segments[-1])
    if len(words) > 1 and words[-1] == "header" and words[-2] in _HEADER_OWNERS:
        return True  # `authorizationHeader`, `tokenHeader`: the header's value, its credential in it
    if len(words) == 1 and len(segments) > 1 and words[0] == "header" and segments[-2].lower() in _HEADER_OWNERS:
        return True  # `auth.header`: the header of an object named as a credential
    if words and len(words[-1]) >= 4 and words[-1].lower() not in _NOT_TOKENS \
            and (one_edit_away(words[-1].lower(), "token") or one_edit_away(words[-1].lower(), "apikey")):
        return True  # `tocken`, `tokn`, `apikye`: misspelt, the last word only (masked, as a typo is, not reported)
    if "".join(words) in _ALONE:
        return True  # `pat` (a personal access token), `sas`, `otp`, `kek`, `pepper`, `connectionString`
    while len(words) > 1 and words[-1] in _REPRESENTATIONS:  # `tokenStr`, `apiKeyEncoded`, `hmacKeyHex`
        words = words[:-1]
    if not words or _about_a_secret(words) or _NAMES_OF_SECRETS.search(words[-1]):
        return False
    if len(words) == 1 and words[0] in _ALONE:
        return True  # `patStr`
    glued = "".join(words)
    if glued.endswith("pass") and len(glued) > 4 and glued not in _NOT_PASSWORDS:
        return True  # `dbpass`, `userpass`
    if glued.rstrip("0123456789").endswith(("apikeyv", "tokenv", "secretv")):
        return True  # `apikeyv2`
    last = words[-1]
    if last == "codes" and len(words) > 1 and words[-2] in ("recovery", "backup"):
        return True  # MFA recovery codes
    before = words[-2] if len(words) > 1 else (segments[-2].lower() if len(segments) > 1 else "")
    if last == "tokens":  # a list of tokens (`sfdc.tokens`), not a count of them (`max_tokens`, `prompt_tokens`)
        return before not in _TOKEN_COUNTS
    if last == "tok" and before in ("refresh", "access", "auth", "api", "bearer", "id", "session"):
        return True  # `refreshTok`: a token's name cut short
    if last == "token" and before == "verification":
        return True  # Slack's and Zoom's verification token: lasting, though `verification` is no secret's name alone
    if last == "token" and before in _PAGINATION:
        return False  # a cursor (`nextPageToken`)
    if "".join(words).endswith(_GLUED_ENDINGS) or last in _MASKED_WORDS or "".join(words[-2:]) in _MASKED_WORDS:
        return True
    if last == "seed" and before in ("totp", "otp", "mfa", "2fa"):
        return True
    if words[0] == "x" and last in ("auth", "authentication", "session"):
        return True  # a custom header (`X-Custom-Auth`)
    if words[0] == "x" and last == "key" and before not in _NOT_CREDENTIAL_KEYS:
        return True  # a custom header's key (`X-Mashape-Key`), not an idempotency or cache key
    if last == "key":
        return before in _MASKED_KEY_QUALIFIERS
    if last == "hash":
        return before in _HASH_QUALIFIERS
    qualified = before in _KEY_QUALIFIERS or before in ("x", "access", "refresh", "auth", "bearer", "id")
    return qualified and ((len(last) == 3 and one_edit_away(last, "key")) or (len(last) >= 4 and one_edit_away(last, "token")))


def is_secret_key(key: str) -> bool:
    """Whether the value of ``key`` is a secret (see the module documentation)."""
    return secret_kind(key) == "secret"


@lru_cache(maxsize=4096)
def names_its_key(value: str, key: str) -> bool:
    """Whether a secret key's value is the key's own name (`"quickbase.apptoken": "quickbase.apptoken"`, a template's):
    shown in the key anyway, and no secret (masked, it hid the key wherever a pointer or a message names it)."""
    written = value.strip().lower()
    return bool(key) and written in (key.lower(), key.rsplit(".", 1)[-1].lower())


def is_credential_parameter(name: str) -> bool:
    """Whether the URL query parameter ``name`` carries a credential (``apiKey``, ``access_token``, ``sig``);
    a percent-encoded name (``api%5Fkey``) is read as the server decodes it."""
    name = _as_key(name)
    if secret_kind(name) is not None or name.lower() in _QUERY_WORDS:
        return True
    words = _words(name.rsplit(".", 1)[-1])
    return bool(words) and words[-1] in ("signature", "sig")  # a signed URL's `X-Goog-Signature`


def may_be_a_credential_parameter(name: str) -> bool:
    """Whether the URL query parameter ``name`` may carry a credential whose name says so less surely
    (:func:`may_hold_a_secret`: ``?usertoken=``, ``&salt=``, ``&webhook_hash=``): masked, never reported."""
    return may_hold_a_secret(_as_key(name))


def is_ambiguous_parameter(name: str) -> bool:
    """Whether the query parameter ``name`` is a credential's only as often as not (``key``, ``code``, ``sign``,
    ``sig``, ``auth``, ``ak``, ``signature``): a plain word as its value (``key=lastModifiedDate``) is no credential."""
    return name.lower() in _QUERY_WORDS


def _as_key(name: str) -> str:
    """A URL query parameter's name as the key it stands for: percent-decoded as the server reads it, and a bracketed
    one (``auth[token]``, ``credentials[password]``) dotted."""
    if "%" in name:
        from urllib.parse import unquote

        name = unquote(name)
        if "%" in name:  # encoded twice (`%2561pi_key`), as a URL inside another's value is
            name = unquote(name)
    if name.endswith("[]"):  # a list's parameter (`api_key[]=`), named as its items are
        name = name[:-2]
    return name.replace("[", ".").replace("]", "") if "[" in name else name


@lru_cache(maxsize=4096)
def is_secret_parameter(name: str) -> bool:
    """Whether the URL query parameter ``name`` holds a lasting secret that CE751 reports when committed: a secret
    key's name (``api_key``, ``password``); not a bare ``key`` (a name as often as Google's API key), a grant
    (``code``) nor a per-request signature (``sig``)."""
    return secret_kind(_as_key(name)) == "secret"


_TOKEN_SHAPED = re.compile(r"(?=.*\d)(?=.*[A-Za-z])[\w.\-+/=]{16,}")


# A password's shape: letters of both cases and digits mixed (`Hunter2Prod99`, `Tr0ub4dor3`), not a word and a year
# (`Summer2024`, `UpdatedAt2024`) nor a name in capitals (`PORT_NUMBER`)
_PASSWORD_SHAPED = re.compile(r"(?=[^a-z]*[a-z])(?=[^A-Z]*[A-Z])(?=\D*\d)[^\s{}<>]{8,200}")
# (the same with brackets, in a field of a few words or a number, where a template's placeholder is whole: `<...>`)
_BRACKETED_PASSWORD = re.compile(r"(?=[^a-z]*[a-z])(?=[^A-Z]*[A-Z])(?=\D*\d)(?!<[^<>]*>$|\$?\{[^{}]*\}$|\{\{.*\}\}$)"
                                 r"\S{8,200}")
_WORDS_THEN_DIGITS = re.compile(r"[A-Za-z][a-z]+(?:[A-Z][a-z]+)*\d{1,4}|[A-Z][a-z]+\d{1,4}[A-Z]?")


def reads_like_a_password(value: str, *, brackets: bool = False) -> bool:
    """Whether ``value`` has a password's shape (see :data:`_PASSWORD_SHAPED`): a value a URL's port or a short query
    parameter never holds; ``brackets``: holding brackets too (`EVag>k3l@Hs6b=oh`), where no template's placeholder
    is written inside a value (a field of a few words or a number)."""
    shape = _BRACKETED_PASSWORD if brackets else _PASSWORD_SHAPED
    return shape.fullmatch(value) is not None and _WORDS_THEN_DIGITS.fullmatch(value) is None


def unquotable(value: str, *, closed: bool = False) -> str | None:
    """What a message says instead of quoting ``value`` when it reads like a token or a password (a credential pasted
    into the wrong field: `"event.vendor.type": "Hunter2Prod99"`), else None (the value is quoted); ``closed``: the
    field holds one of a few words or a number, so a password with brackets is one too (`EVag>k3l@Hs6b=oh`)."""
    if looks_like_a_token(value):
        return "a value that reads like a token"
    return "a value that reads like a password" if reads_like_a_password(value, brackets=closed) else None


def looks_like_a_token(value: str) -> bool:
    """Whether ``value`` reads like a token (16 or more letters, digits and ``._-+/=``, with both letters and
    digits): a value a message must not quote, whatever key holds it (a token pasted into the wrong field)."""
    return _TOKEN_SHAPED.fullmatch(value) is not None


def may_be_an_identifier(key: str) -> bool:
    """Whether the secret key ``key`` is ``key`` after a word that also names identifiers (``userKey``, ``app_key``):
    its value is a secret only when it reads like a token."""
    lowered = key.lower()
    for qualifier in _ID_QUALIFIERS:
        for separator in ("", ".", "_", "-"):
            if lowered.endswith(qualifier + separator + "key"):
                return True
    return False


@lru_cache(maxsize=4096)
def is_credential_key(key: str) -> bool:
    """A key whose value is a credential or an account identifier: a secret, a grant, a client id, a username.

    Placeholders standing for such a value (``API_KEY``, ``Your API key``) are reported; other keys
    hold vendor field names in capitals (``idField: CONTACT_ID``) that are real values.
    """
    if secret_kind(key) is not None or key.lower() in _CLIENT_IDS:
        return True
    segment = key.split(".")[-1]
    if segment.endswith(("Field", "field", "Format", "format", "Timezone", "timezone")):
        return False
    words = _words(segment)
    return bool(words) and (words[-1] in _IDENTIFIER_WORDS or "".join(words[-2:]) in _IDENTIFIER_WORDS)
