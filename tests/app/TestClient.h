#pragma once
// A bare protocol client for app tests: a second user, talking raw JSON over QWebSocket,
// so the app's own code is not used to check the app. Waits with QTRY, never sleeps.

#include "shared/Envelope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QObject>
#include <QTest>
#include <QWebSocket>

class TestClient : public QObject
{
public:
    struct Result {
        bool ok = false;
        QJsonObject d;
        QString code;
        qint64 retryAfterMs = -1;
    };

    explicit TestClient(const QUrl &url)
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &t) {
            const QJsonObject o = QJsonDocument::fromJson(t.toUtf8()).object();
            if (o.contains(QLatin1String("ev")))
                events.append(o);
            else
                replies.insert(o.value(QLatin1String("re")).toInteger(), o);
        });
        socket.open(url);
    }

    bool waitHello()
    {
        return QTest::qWaitFor([this] { return hasEvent(QStringLiteral("hello")); }, 10000);
    }

    bool hasEvent(const QString &name) const
    {
        for (const QJsonObject &e : events)
            if (e.value(QLatin1String("ev")).toString() == name)
                return true;
        return false;
    }

    int countEvents(const QString &name, const QString &content = {}) const
    {
        int n = 0;
        for (const QJsonObject &e : events)
            if (e.value(QLatin1String("ev")).toString() == name
                && (content.isEmpty() || e.value(QLatin1String("d")).toObject().value(QLatin1String("content")).toString() == content))
                ++n;
        return n;
    }

    // Sends a request and waits for its reply (rate-limited replies are retried).
    Result call(const QString &op, const QJsonObject &d)
    {
        for (;;) {
            const qint64 id = nextId++;
            socket.sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject{
                {QLatin1String("op"), op}, {QLatin1String("id"), id}, {QLatin1String("d"), d}}).toJson(QJsonDocument::Compact)));
            [&] { QTRY_VERIFY_WITH_TIMEOUT(replies.contains(id), 10000); }();
            const QJsonObject o = replies.take(id);
            Result r;
            r.ok = o.value(QLatin1String("ok")).toBool();
            r.d = o.value(QLatin1String("d")).toObject();
            const QJsonObject e = o.value(QLatin1String("error")).toObject();
            r.code = e.value(QLatin1String("code")).toString();
            r.retryAfterMs = e.value(QLatin1String("retry_after_ms")).toInteger(-1);
            if (r.ok && r.d.contains(QLatin1String("token")))
                token = r.d.value(QLatin1String("token")).toString(); // signed in: kept for HTTP
            if (r.code != u"rate_limited")
                return r;
            // Wait out the bucket without sleeping: let the event loop run until the time passes.
            QDeadlineTimer until(r.retryAfterMs);
            [&] { QTRY_VERIFY_WITH_TIMEOUT(until.hasExpired(), 10000); }();
        }
    }

    QWebSocket socket;
    QList<QJsonObject> events;
    QHash<qint64, QJsonObject> replies;
    qint64 nextId = 1;
    QString token; //!< from the last reply that carried one (session.register, session.login)
};
