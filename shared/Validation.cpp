#include "Validation.h"

#include <QRegularExpression>

#include "Limits.h"

namespace kith::validate {

namespace {

bool hasControl(const QString &s, bool allowNewlines)
{
    for (QChar c : s) {
        if (allowNewlines && (c == u'\n' || c == u'\t'))
            continue;
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

QString lengthRule(const QString &what, const QString &value, int min, int max)
{
    if (value.size() < min || value.size() > max)
        return QStringLiteral("%1 must be %2-%3 characters").arg(what).arg(min).arg(max);
    return {};
}

// Unicode's Default_Ignorable_Code_Point set (DerivedCoreProperties.txt): drawn as nothing.
bool defaultIgnorable(char32_t c)
{
    return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x115F || c == 0x1160
           || c == 0x17B4 || c == 0x17B5 || (c >= 0x180B && c <= 0x180F)
           || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
           || (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F)
           || c == 0xFEFF || c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFF8)
           || (c >= 0x1BCA0 && c <= 0x1BCA3) || (c >= 0x1D173 && c <= 0x1D17A)
           || (c >= 0xE0000 && c <= 0xE0FFF);
}

// Only white space, format characters (Cf) and default-ignorables: a name nobody can see.
bool rendersAsNothing(const QString &s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        char32_t c = s[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(s[i], s[i + 1]);
            ++i;
        }
        if (!QChar::isSpace(c) && QChar::category(c) != QChar::Other_Format && !defaultIgnorable(c))
            return false;
    }
    return true;
}

// Not well-formed UTF-16, or U+FFFE/U+FFFF (SQLite reads those back as U+FFFD): what cannot
// be stored and read back the same.
bool hasUnpairedSurrogate(const QString &s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i].isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate())
            ++i;
        else if (s[i].isSurrogate() || s[i].unicode() >= 0xFFFE)
            return true;
    }
    return false;
}

QString plainName(const QString &what, const QString &name, int max)
{
    if (QString e = lengthRule(what, name, 1, max); !e.isEmpty())
        return e;
    if (hasUnpairedSurrogate(name))
        return QStringLiteral("%1 must not contain unpaired surrogates, U+FFFE or U+FFFF").arg(what);
    if (rendersAsNothing(name))
        return QStringLiteral("%1 must not be blank").arg(what);
    if (hasControl(name, false))
        return QStringLiteral("%1 must not contain control characters").arg(what);
    return {};
}

} // namespace

QString username(const QString &name)
{
    if (QString e = lengthRule(QStringLiteral("username"), name, limits::kUsernameMin,
                               limits::kUsernameMax);
        !e.isEmpty())
        return e;
    for (QChar c : name) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
                        || (c >= u'0' && c <= u'9') || c == u'_' || c == u'.';
        if (!ok)
            return QStringLiteral("username may only contain A-Z, a-z, 0-9, _ and .");
    }
    return {};
}

QString password(const QString &password)
{
    return lengthRule(QStringLiteral("password"), password, limits::kPasswordMin,
                      limits::kPasswordMax);
}

QString displayName(const QString &name)
{
    return plainName(QStringLiteral("display_name"), name, limits::kDisplayNameMax);
}

QString guildName(const QString &name)
{
    return plainName(QStringLiteral("name"), name, limits::kGuildNameMax);
}

QString channelName(const QString &name)
{
    return plainName(QStringLiteral("name"), name, limits::kChannelNameMax);
}

QString roleName(const QString &name)
{
    return plainName(QStringLiteral("name"), name, limits::kRoleNameMax);
}

QString color(const QString &color)
{
    static const QRegularExpression re(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    if (!re.match(color).hasMatch())
        return QStringLiteral("color must be \"#rrggbb\" (or \"\" for none)");
    return {};
}

QString topic(const QString &topic)
{
    if (topic.size() > limits::kTopicMax)
        return QStringLiteral("topic must be at most %1 characters").arg(limits::kTopicMax);
    if (hasControl(topic, true))
        return QStringLiteral("topic must not contain control characters");
    return {};
}

QString guildDescription(const QString &description)
{
    if (description.size() > limits::kGuildDescriptionMax)
        return QStringLiteral("description must be at most %1 characters").arg(limits::kGuildDescriptionMax);
    for (QChar c : description)
        if (c != u'\n' && c.category() == QChar::Other_Control)
            return QStringLiteral("description must not contain control characters but newlines");
    if (hasUnpairedSurrogate(description))
        return QStringLiteral("description must not contain unpaired surrogates, U+FFFE or U+FFFF");
    return {};
}

QString messageContent(const QString &content)
{
    if (content.trimmed().isEmpty())
        return QStringLiteral("content must not be empty");
    if (hasUnpairedSurrogate(content))
        return QStringLiteral("content must not contain unpaired surrogates, U+FFFE or U+FFFF");
    return {};
}

QString nonce(const QString &nonce)
{
    if (QString e = lengthRule(QStringLiteral("nonce"), nonce, 1, limits::kNonceLength); !e.isEmpty())
        return e;
    if (hasUnpairedSurrogate(nonce))
        return QStringLiteral("nonce must not contain unpaired surrogates, U+FFFE or U+FFFF");
    return {};
}

QString emoji(const QString &emoji)
{
    if (QString e = lengthRule(QStringLiteral("emoji"), emoji, 1, limits::kEmojiLength); !e.isEmpty())
        return e;
    for (QChar c : emoji)
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return QStringLiteral("emoji must not contain whitespace or control characters");
    if (hasUnpairedSurrogate(emoji))
        return QStringLiteral("emoji must not contain unpaired surrogates, U+FFFE or U+FFFF");
    return {};
}

QString customStatus(const QString &status)
{
    if (status.size() > limits::kCustomStatusMax)
        return QStringLiteral("custom_status must be at most %1 characters").arg(limits::kCustomStatusMax);
    if (hasControl(status, true))
        return QStringLiteral("custom_status must not contain control characters");
    if (hasUnpairedSurrogate(status))
        return QStringLiteral("custom_status must not contain unpaired surrogates, U+FFFE or U+FFFF");
    return {};
}

QString normalizedName(const QString &name)
{
    // Bidirectional embeddings, overrides and isolates would reorder the text around a name
    // wherever it is shown (U+202A-E, U+2066-9): names never carry them.
    QString out = name;
    out.removeIf([](QChar c) {
        const char16_t u = c.unicode();
        return (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
    });
    return out.simplified();
}

} // namespace kith::validate
