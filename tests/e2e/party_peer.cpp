// One side of a LAN party, as a whole app (AppController, its widgets offscreen, its own
// embedded server) in a process of its own, for tst_e2e_party. Prints what happens, one line
// each, and exits 0 when its part is done:
//   party-peer host  DATA NAME PASSWORD   hosts NAME; answers "ping from X" with "pong from host";
//                                         leaves on "bye".
//   party-peer guest DATA NAME PASSWORD NICK
//                                         finds NAME under "Parties on your network", joins it as
//                                         a guest while staying on its own server, pings, says bye.
// Everything stays on loopback: the test sets KITH_PARTY_LISTEN and KITH_ANNOUNCE.
// KITH_PEER_LINGER_MS keeps the windows up that long at the end, to look at them under Xvfb.
#include "session/HostSet.h"
#include "session/PartyHost.h"
#include "state/ClientState.h"
#include "state/MessageListModel.h"
#include "ui/AppController.h"
#include "ui/GuildDialog.h"
#include "ui/JoinHostDialog.h"
#include "ui/MainWindow.h"
#include "ui/PartyList.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <cstdio>
#include <functional>

using namespace kith;
using namespace kith::app;

namespace {

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

int fail(const QString &why)
{
    say(QStringLiteral("FAILED ") + why);
    return 1;
}

//! Runs the event loop until `done` holds (checked every 20 ms) or `ms` pass.
bool waitUntil(const std::function<bool()> &done, int ms = 20000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return false;
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

//! Whether the open channel shows `text`; with `sent`, only once the server has stored it.
bool hasMessage(ClientState *state, const QString &text, bool sent = false)
{
    const auto *m = state->messages();
    for (int i = 0; i < m->rowCount(); ++i)
        if (m->index(i).data().toString() == text
            && (!sent || m->index(i).data(MessageListModel::StatusRole).toInt() == int(MessageListModel::Status::Sent)))
            return true;
    return false;
}

int host(AppController &app, const QString &name, const QString &password)
{
    app.hostParty(name, password);
    if (!waitUntil([&] { return !app.partyLink().isEmpty(); }))
        return fail(QStringLiteral("the party did not start"));
    say(QStringLiteral("HOSTING %1 %2").arg(app.party()->fingerprint(), app.partyLink()));
    ClientState *state = app.primaryHost()->state();
    QString answered;
    // Answer pings until the guest says bye.
    if (!waitUntil([&] {
            const auto *m = state->messages();
            for (int i = 0; i < m->rowCount(); ++i) {
                const QString text = m->index(i).data().toString();
                if (text.startsWith(QLatin1String("ping from ")) && answered.isEmpty()) {
                    answered = text;
                    say(QStringLiteral("GOT ") + text);
                    state->sendMessage(QStringLiteral("pong from host"));
                }
            }
            return hasMessage(state, QStringLiteral("bye"));
        }, 60000))
        return fail(QStringLiteral("no bye from the guest"));
    say(QStringLiteral("BYE"));
    return 0;
}

int guest(AppController &app, const QString &name, const QString &password, const QString &nickname)
{
    MainWindow *window = app.window();
    window->openGuildDialog(true);
    GuildDialog *dialog = window->findChild<GuildDialog *>();
    PartyList *list = dialog ? dialog->findChild<PartyList *>() : nullptr;
    if (!list)
        return fail(QStringLiteral("no party list in the join dialog"));
    auto *view = list->findChild<QListWidget *>(QStringLiteral("PartyListView"));
    QElapsedTimer t;
    t.start();
    int row = -1;
    if (!waitUntil([&] {
            for (int i = 0; i < view->count(); ++i)
                if (view->item(i)->text().startsWith(name + QLatin1Char('\n')))
                    row = i;
            return row >= 0;
        }))
        return fail(QStringLiteral("the party was not heard"));
    say(QStringLiteral("SEEN %1 ms: %2").arg(t.elapsed()).arg(view->item(row)->text().replace(QLatin1Char('\n'), QLatin1String(" | "))));
    view->setCurrentRow(row);
    const QString beaconFingerprint = view->item(row)->toolTip().section(QLatin1Char(' '), -1);
    for (QPushButton *b : list->findChildren<QPushButton *>())
        b->click();
    JoinHostDialog *join = nullptr;
    if (!waitUntil([&] { return (join = window->findChild<JoinHostDialog *>()) != nullptr; }))
        return fail(QStringLiteral("no join dialog"));
    if (!join->isGuest())
        return fail(QStringLiteral("the join dialog did not open on the guest tab"));
    for (QLineEdit *e : join->findChildren<QLineEdit *>()) {
        if (e->accessibleName() == QLatin1String("Nickname"))
            e->setText(nickname);
        else if (e->accessibleName() == QLatin1String("Party password"))
            e->setText(password);
    }
    join->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    HostSession *party = nullptr;
    if (!waitUntil([&] {
            for (HostSession *h : app.hosts()->hosts())
                if (h != app.primaryHost() && h->connection()->isOnline() && h->state()->currentChannel())
                    party = h;
            return party != nullptr;
        }))
        return fail(QStringLiteral("could not join the party"));
    Connection *c = party->connection();
    say(QStringLiteral("JOINED %1 as %2 over %3, certificate %4").arg(c->url().toString(), c->me().username,
                                                                      c->url().scheme(), c->pinnedFingerprint()));
    if (c->url().scheme() != QLatin1String("wss") || c->pinnedFingerprint() != beaconFingerprint)
        return fail(QStringLiteral("not over TLS with the announced certificate"));
    if (!app.primaryHost()->connection()->isOnline())
        return fail(QStringLiteral("signed out of its own server"));
    say(QStringLiteral("RAIL %1 hosts, %2 and %3 guilds").arg(app.hosts()->hosts().size())
            .arg(app.primaryHost()->state()->guilds()->rowCount()).arg(party->state()->guilds()->rowCount()));
    const QString ping = QStringLiteral("ping from ") + nickname;
    party->state()->sendMessage(ping);
    if (!waitUntil([&] { return hasMessage(party->state(), QStringLiteral("pong from host")); }))
        return fail(QStringLiteral("no pong"));
    say(QStringLiteral("PONG"));
    party->state()->sendMessage(QStringLiteral("bye"));
    // Leave once the host has stored it.
    if (!waitUntil([&] { return hasMessage(party->state(), QStringLiteral("bye"), true); }))
        return fail(QStringLiteral("bye was not stored"));
    say(QStringLiteral("DONE"));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication qapp(argc, argv);
    const QStringList args = qapp.arguments();
    if (args.size() < 5 || (args.at(1) == QLatin1String("guest") && args.size() < 6)) {
        std::fprintf(stderr, "usage: party-peer host DATA NAME PASSWORD | guest DATA NAME PASSWORD NICK\n");
        return 2;
    }
    AppController app(AppOptions{args.at(2), true});
    bool usable = false;
    QObject::connect(&app, &AppController::usable, [&] { usable = true; });
    app.start();
    if (!waitUntil([&] { return usable; }))
        return fail(QStringLiteral("the app did not start"));
    say(QStringLiteral("STARTED"));
    const int rc = args.at(1) == QLatin1String("host") ? host(app, args.at(3), args.at(4))
                                                        : guest(app, args.at(3), args.at(4), args.at(5));
    const int linger = qEnvironmentVariableIntValue("KITH_PEER_LINGER_MS");
    if (linger > 0)
        waitUntil([] { return false; }, linger);
    return rc;
}
