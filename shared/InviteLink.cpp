#include "InviteLink.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QUrlQuery>

namespace kith {

namespace {
const QString kScheme = QStringLiteral("kith");

bool validCode(const QString &code)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    return re.match(code).hasMatch();
}

// The code after "/invite/" in a URL's path; empty if the path is anything else.
QString codeFromPath(const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return parts.size() == 2 && parts.at(0) == u"invite" ? parts.at(1) : QString();
}
} // namespace

QString InviteLink::normalizeFingerprint(const QString &text)
{
    QString hex = text.trimmed().toUpper();
    hex.remove(QLatin1Char(':'));
    static const QRegularExpression re(QStringLiteral("^[0-9A-F]{64}$"));
    if (!re.match(hex).hasMatch())
        return {};
    QString out;
    for (int i = 0; i < hex.size(); i += 2) {
        if (i)
            out += QLatin1Char(':');
        out += QStringView(hex).mid(i, 2);
    }
    return out;
}

QString InviteLink::fingerprintOf(const QByteArray &der)
{
    return normalizeFingerprint(QString::fromLatin1(QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex()));
}

bool InviteLink::isLink(const QString &text)
{
    return text.trimmed().startsWith(kScheme + QStringLiteral("://"), Qt::CaseInsensitive);
}

InviteLink InviteLink::parse(const QString &text)
{
    const QString t = text.trimmed();
    if (validCode(t))
        return InviteLink{{}, t, {}};
    const QStringList words = t.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    if (words.isEmpty() || words.size() > 2)
        return {};
    const QUrl url(words.at(0), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || !url.fragment().isEmpty())
        return {};
    InviteLink link;
    if (scheme == kScheme) {
        if (words.size() != 1 || url.port() < 1)
            return {};
        const QUrlQuery query(url);
        const bool tls = query.queryItemValue(QStringLiteral("tls")) == u"1";
        link.server.setScheme(tls ? QStringLiteral("wss") : QStringLiteral("ws"));
        link.code = codeFromPath(url.path());
        if (query.hasQueryItem(QStringLiteral("fp"))) {
            link.fingerprint = normalizeFingerprint(query.queryItemValue(QStringLiteral("fp")));
            if (!tls || link.fingerprint.isEmpty())
                return {};
        }
    } else if (scheme == u"ws" || scheme == u"wss") {
        link.server.setScheme(scheme);
        link.code = words.size() == 2 ? words.at(1) : codeFromPath(url.path());
        if (words.size() == 2 && !url.path().isEmpty() && url.path() != u"/")
            return {};
    } else {
        return {};
    }
    link.server.setHost(url.host());
    link.server.setPort(url.port(scheme == kScheme ? -1 : 443));
    if (scheme == u"ws" && url.port() < 1)
        link.server.setPort(80);
    if (!validCode(link.code))
        return {};
    return link;
}

QString InviteLink::toString() const
{
    QUrl url;
    url.setScheme(kScheme);
    url.setHost(server.host());
    url.setPort(server.port());
    url.setPath(QStringLiteral("/invite/") + code);
    if (server.scheme() == u"wss") {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("tls"), QStringLiteral("1"));
        if (!fingerprint.isEmpty())
            query.addQueryItem(QStringLiteral("fp"), fingerprint);
        url.setQuery(query);
    }
    return url.toString(QUrl::FullyEncoded);
}

} // namespace kith
