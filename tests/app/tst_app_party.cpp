// A LAN party between two apps, as people meet it: one hosts from its own server (on loopback
// here: KITH_PARTY_LISTEN), the other opens the invite link, joins as a guest with a nickname
// while staying signed in to its own server, and they chat. The host sees the guest and can
// kick; ending the party tells the guest, who stops reconnecting.
#include "AppFixture.h"
#include "session/HostSet.h"
#include "state/MemberListModel.h"
#include "ui/ChatPane.h"
#include "ui/HostPartyDialog.h"
#include "ui/JoinHostDialog.h"
#include "shared/InviteLink.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace kith;
using namespace kith::app;

class tst_app_party : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void hostStartsAParty();
    void guestJoinsBesideItsOwnServer();
    void theyChat();
    void guestSharesAPictureOverTls();
    void hostEndsTheParty();
    void cleanupTestCase();

private:
    HostSession *guestParty() const;

    QTemporaryDir m_hostData, m_guestData;
    AppFixture host, guest;
    QString m_link;
    Id m_partyGuild = 0;
};

HostSession *tst_app_party::guestParty() const
{
    for (HostSession *h : guest.app->hosts()->hosts())
        if (h != guest.app->primaryHost())
            return h;
    return nullptr;
}

void tst_app_party::initTestCase()
{
    QCOMPARE(qEnvironmentVariable("KITH_PARTY_LISTEN"), u"127.0.0.1"_s); // never the real network
    QVERIFY(host.start(m_hostData.path(), true));
    QVERIFY(guest.start(m_guestData.path(), true));
}

void tst_app_party::hostStartsAParty()
{
    host.app->openHostPartyDialog();
    HostPartyDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = host.app->window()->findChild<HostPartyDialog *>()));
    for (QLineEdit *e : dialog->findChildren<QLineEdit *>()) {
        if (e->accessibleName() == u"Party name")
            e->setText(u"Friday LAN"_s);
        else if (e->accessibleName() == u"Party password")
            e->setText(u"pizza"_s);
    }
    dialog->startButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!host.app->partyLink().isEmpty(), 20000);
    QVERIFY(host.app->isHostingParty());
    m_link = host.app->partyLink();
    QVERIFY2(m_link.startsWith(u"kith://127.0.0.1:%1/invite/"_s.arg(host.app->server()->port())), qPrintable(m_link));
    // Over TLS, with a certificate the host made and keeps: the link carries its fingerprint
    // and the dialog shows it, for guests to compare.
    const QString fp = host.app->server()->fingerprint();
    QVERIFY(!fp.isEmpty());
    QCOMPARE(host.app->server()->url().scheme(), u"wss"_s);
    QCOMPARE(InviteLink::parse(m_link).fingerprint, fp);
    QCOMPARE(host.app->primaryHost()->connection()->pinnedFingerprint(), fp);
    QTRY_VERIFY(dialog->fingerprintText().contains(fp));
    QTRY_COMPARE(dialog->linkText(), m_link);
    QCOMPARE(dialog->peopleText(), u"Here now: 1"_s);
    QVERIFY2(host.app->window()->chat()->infoText().contains(u"Friday LAN"_s), qPrintable(host.app->window()->chat()->infoText()));
    m_partyGuild = host.app->server()->partyGuildId();
    QVERIFY(m_partyGuild);
    QTRY_COMPARE(host.state()->currentGuild(), m_partyGuild);
    QCOMPARE(host.state()->guild(m_partyGuild).name, u"Friday LAN"_s);
    dialog->close();
}

void tst_app_party::guestJoinsBesideItsOwnServer()
{
    guest.app->openLink(m_link);
    JoinHostDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = guest.app->window()->findChild<JoinHostDialog *>()));
    dialog->findChild<QTabWidget *>()->setCurrentIndex(0); // as a guest
    QCOMPARE(dialog->findChild<QLabel *>(u"JoinFingerprint"_s)->text().remove(u'\n'), host.app->server()->fingerprint());
    for (QLineEdit *e : dialog->findChildren<QLineEdit *>()) {
        if (e->accessibleName() == u"Nickname")
            e->setText(u"Zoë"_s);
        else if (e->accessibleName() == u"Party password")
            e->setText(u"pizza"_s);
    }
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_VERIFY(guestParty());
    QTRY_VERIFY_WITH_TIMEOUT(guestParty()->connection()->isOnline(), 10000);
    QTRY_COMPARE(guest.app->currentHost(), guestParty());
    QCOMPARE(guestParty()->connection()->me().username, u"Zoë"_s);
    QCOMPARE(guestParty()->connection()->url().scheme(), u"wss"_s);
    QCOMPARE(guestParty()->connection()->pinnedFingerprint(), host.app->server()->fingerprint());
    QVERIFY(guestParty()->connection()->me().guest);
    QTRY_VERIFY(guest.state()->guilds()->rowOf(m_partyGuild) >= 0);
    QVERIFY(guest.app->primaryHost()->connection()->isOnline()); // still on its own server
    // The host sees the guest, under GUESTS, online.
    QTRY_COMPARE(host.app->partyPeople(), 2);
    bool listed = false;
    for (const Member &m : host.state()->members()->members())
        listed |= m.user.username == u"Zoë" && m.role == Role::Guest;
    QVERIFY(listed);
}

void tst_app_party::theyChat()
{
    QTRY_VERIFY(guest.state()->currentChannel() != 0);
    guest.type(u"hello from the guest"_s);
    host.state()->selectChannel(guest.state()->currentChannel());
    QTRY_COMPARE(host.count(u"hello from the guest"_s), 1);
    host.type(u"welcome, Zoe"_s);
    QTRY_COMPARE(guest.count(u"welcome, Zoe"_s), 1);
}

void tst_app_party::guestSharesAPictureOverTls()
{
    // Files travel over https to the party's self-signed host, trusted through the pinned
    // fingerprint alone: the guest uploads, the host fetches the thumbnail.
    QImage picture(120, 80, QImage::Format_RGB32);
    picture.fill(QColor(30, 90, 200));
    const QString path = QDir(m_guestData.path()).filePath(u"lan.png"_s);
    QVERIFY(picture.save(path));
    guest.composer()->addFiles({path});
    guest.type(u"a picture over TLS"_s);
    using M = MessageListModel;
    const auto attachments = [](const AppFixture &app) {
        const int row = app.rowOfText(u"a picture over TLS"_s);
        return row < 0 ? QList<Attachment>()
                       : app.messages()->index(row).data(M::AttachmentsRole).value<QList<Attachment>>();
    };
    QTRY_COMPARE_WITH_TIMEOUT(guest.count(u"a picture over TLS"_s, int(M::Status::Sent)), 1, 15000);
    QTRY_COMPARE(attachments(host).size(), 1);
    const Attachment a = attachments(host).first();
    QCOMPARE(a.width, 120);
    // Ask as the painting row would. The host's window may have painted the row and fetched it
    // already (seen in some runs), so the first answer may already be the picture.
    host.state()->attachments()->thumbnail(a);
    QTRY_VERIFY_WITH_TIMEOUT(host.state()->attachments()->hasThumbnail(a.id), 10000);
    QCOMPARE(host.state()->attachments()->thumbnail(a).size(), QSize(120, 80));
}

void tst_app_party::hostEndsTheParty()
{
    HostSession *party = guestParty();
    host.app->endParty();
    QTRY_VERIFY_WITH_TIMEOUT(party->connection()->state() == Connection::State::Offline, 10000);
    QTRY_VERIFY(guest.app->window()->chat()->infoText().contains(u"ended"_s));
    QVERIFY(guest.app->primaryHost()->connection()->isOnline());
    // The host is back on its own server, on loopback, with the party's messages kept.
    QTRY_VERIFY_WITH_TIMEOUT(host.app->primaryHost()->connection()->isOnline(), 10000);
    QVERIFY(!host.app->isHostingParty());
    // The host ended it itself: it is not told "the host ended the party".
    QVERIFY2(!host.app->window()->chat()->infoText().contains(u"ended"_s), qPrintable(host.app->window()->chat()->infoText()));
    QTRY_VERIFY(host.state()->guilds()->rowOf(m_partyGuild) >= 0);
    host.state()->selectGuild(m_partyGuild);
    QTRY_VERIFY(host.count(u"hello from the guest"_s) == 1);
}

void tst_app_party::cleanupTestCase()
{
    guest.stop();
    host.stop();
}

QTEST_MAIN(tst_app_party)
#include "tst_app_party.moc"
