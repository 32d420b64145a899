#include "Validation.h"

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

QString plainName(const QString &what, const QString &name, int max)
{
    if (QString e = lengthRule(what, name, 1, max); !e.isEmpty())
        return e;
    if (name.trimmed().isEmpty())
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

QString topic(const QString &topic)
{
    if (topic.size() > limits::kTopicMax)
        return QStringLiteral("topic must be at most %1 characters").arg(limits::kTopicMax);
    if (hasControl(topic, true))
        return QStringLiteral("topic must not contain control characters");
    return {};
}

QString messageContent(const QString &content)
{
    if (content.trimmed().isEmpty())
        return QStringLiteral("content must not be empty");
    return {};
}

QString nonce(const QString &nonce)
{
    return lengthRule(QStringLiteral("nonce"), nonce, 1, limits::kNonceLength);
}

QString normalizedName(const QString &name)
{
    return name.simplified();
}

} // namespace kith::validate
