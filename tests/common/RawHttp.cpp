#include "RawHttp.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>
#include <QUrl>

namespace kith::test {

QJsonObject HttpReply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpReply::describe() const
{
    return QStringLiteral("%1 %2").arg(status).arg(QString::fromUtf8(body));
}

HttpReply httpExchange(quint16 port, const QByteArray &raw)
{
    HttpReply r;
    QTcpSocket s;
    QByteArray all;
    QObject::connect(&s, &QIODevice::readyRead, &s, [&] { all += s.readAll(); });
    s.connectToHost(QHostAddress::LocalHost, port);
    s.write(raw);
    (void)QTest::qWaitFor([&] { return s.state() == QAbstractSocket::UnconnectedState; }, 30000);
    all += s.readAll();
    r.closed = s.state() == QAbstractSocket::UnconnectedState;
    const qsizetype end = all.indexOf("\r\n\r\n");
    if (end < 0)
        return r;
    const QList<QByteArray> lines = all.left(end).split('\n');
    r.status = lines.first().split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    r.body = all.mid(end + 4);
    return r;
}

QByteArray httpRequest(const QByteArray &method, const QByteArray &target, const QString &token,
                       const QByteArray &body, const QByteArray &extra, bool withLength)
{
    QByteArray head = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        head += "Authorization: Bearer " + token.toLatin1() + "\r\n";
    if (withLength)
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return head + extra + "\r\n" + body;
}

HttpReply httpUpload(quint16 port, const QString &token, const QByteArray &body, const QString &filename,
                     const QByteArray &contentType)
{
    const QByteArray extra = contentType.isEmpty() ? QByteArray() : "Content-Type: " + contentType + "\r\n";
    return httpExchange(port, httpRequest("POST",
                                          "/api/v1/attachments?filename=" + QUrl::toPercentEncoding(filename),
                                          token, body, extra));
}

} // namespace kith::test
