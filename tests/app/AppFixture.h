#pragma once

#include <functional>
// Starts the whole app (AppController + embedded server) in a data folder and waits until the
// chat is usable. Shared by the widget and reconnect suites.

#include "TestClient.h"
#include "host/EmbeddedServer.h"
#include "net/Connection.h"
#include "net/FrameLog.h"
#include "state/ClientState.h"
#include "ui/AppController.h"
#include "ui/ChatPane.h"
#include "ui/Composer.h"
#include "ui/MainWindow.h"
#include "ui/MessageView.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QDialog>
#include <QSignalSpy>
#include <QTest>
#include <memory>

//! Counts the requests of one op the app sends from now on, as its frame log records them
//! going out.
class SentRequests : public QObject
{
public:
    SentRequests(kith::app::FrameLog *log, const QString &op)
    {
        using kith::app::FrameLog;
        QObject::connect(log, &FrameLog::added, this, [this, op](const FrameLog::Entry &e) {
            if (e.direction == FrameLog::Direction::Sent && FrameLog::opOf(e.text()) == op)
                ++count;
        });
    }
    int count = 0;
};

struct AppFixture {
    std::unique_ptr<kith::app::AppController> app;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;

    //! `afterStart` runs right after AppController::start(), before any event is handled.
    bool start(const QString &dataDir, bool local, const std::function<void()> &afterStart = {})
    {
        testers.clear();
        app = std::make_unique<kith::app::AppController>(kith::app::AppOptions{dataDir, local});
        kith::app::ClientState *s = app->state();
        using Mode = QAbstractItemModelTester::FailureReportingMode;
        for (QAbstractItemModel *m : std::initializer_list<QAbstractItemModel *>{
                 s->guilds(), s->channels(), s->members(), s->messages()})
            testers.push_back(std::make_unique<QAbstractItemModelTester>(m, Mode::QtTest));
        QSignalSpy usable(app.get(), &kith::app::AppController::usable);
        app->start();
        if (afterStart)
            afterStart();
        [&] { QTRY_VERIFY_WITH_TIMEOUT(usable.size() == 1, 20000); }();
        app->connection()->setBackoff(20, 200);
        return !QTest::currentTestFailed();
    }

    void stop()
    {
        testers.clear();
        app.reset();
    }

    kith::app::ClientState *state() const { return app->state(); }

    //! A ping round trip on the app's connection. What the app meant to send before it (even
    //! from queued events) has gone out, and every event the host sent before the reply has
    //! been handled: the way to show that something did not happen, without sleeping.
    //! (A request that waits for storage may still be unanswered: see PROTOCOL.md 2.2.)
    bool roundTrip()
    {
        bool answered = false;
        QObject context;
        app->connection()->request(QLatin1String("ping"), {}, &context,
                                   [&](const kith::app::Reply &r) { answered = r.ok; });
        return QTest::qWaitFor([&] { return answered; }, 10000);
    }

    //! Waits until the wall clock is in a later second than now. What the app orders in whole
    //! seconds (the DM list) then ranks anything made after this call above anything before.
    static void waitForNextSecond()
    {
        const qint64 second = QDateTime::currentMSecsSinceEpoch() / 1000;
        [&] { QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() / 1000 > second, 10000); }();
    }

    //! An invite code to the open guild, made as the user makes one (the dialog showing it closed).
    QString createInvite()
    {
        QSignalSpy invite(state(), &kith::app::ClientState::inviteCreated);
        state()->createInvite(state()->currentGuild());
        [&] { QTRY_COMPARE(invite.size(), 1); }();
        if (auto *d = app->window()->findChild<QDialog *>())
            d->close();
        return invite.isEmpty() ? QString() : invite.at(0).at(0).toString();
    }

    //! Someone else: a raw client registered as `name` that joins the guild of `code`. Returns
    //! their user id, 0 if any step failed.
    kith::Id guest(std::unique_ptr<TestClient> &c, const QString &name, const QString &display, const QString &code)
    {
        using namespace Qt::Literals::StringLiterals;
        c = std::make_unique<TestClient>(app->server()->url());
        if (!c->waitHello())
            return 0;
        const TestClient::Result r = c->call(u"session.register"_s,
            {{u"username"_s, name}, {u"password"_s, u"friendly-pass"_s}, {u"display_name"_s, display}});
        if (!r.ok || !c->call(u"invite.join"_s, {{u"code"_s, code}}).ok)
            return 0;
        return r.d.value(u"user"_s).toObject().value(u"id"_s).toString().toULongLong();
    }
    //! start() on the local server, then someone else (`name`, a raw client) joins its guild
    //! with an invite the user makes: their user id, 0 if any step failed.
    kith::Id startWithGuest(const QString &dataDir, std::unique_ptr<TestClient> &c, const QString &name,
                            const QString &display)
    {
        if (!start(dataDir, true))
            return 0;
        const QString code = createInvite();
        return code.isEmpty() ? 0 : guest(c, name, display, code);
    }
    kith::app::MessageListModel *messages() const { return app->state()->messages(); }
    kith::app::Composer *composer() const { return app->window()->chat()->composer(); }
    kith::app::MessageView *view() const { return app->window()->chat()->view(); }

    //! Rows in the open channel whose text is `content`.
    int count(const QString &content, int status = -1) const
    {
        int n = 0;
        const auto *m = messages();
        for (int i = 0; i < m->rowCount(); ++i) {
            const QModelIndex ix = m->index(i);
            if (ix.data().toString() == content
                && (status < 0 || ix.data(kith::app::MessageListModel::StatusRole).toInt() == status))
                ++n;
        }
        return n;
    }

    int rowOfText(const QString &content) const
    {
        const auto *m = messages();
        for (int i = m->rowCount() - 1; i >= 0; --i)
            if (m->index(i).data().toString() == content)
                return i;
        return -1;
    }

    void type(const QString &text)
    {
        QTest::keyClicks(composer(), text);
        QTest::keyClick(composer(), Qt::Key_Return);
    }
};
