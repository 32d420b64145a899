// Avatars and guild icons through the desktop app, against its real embedded server: the profile
// dialog crops a picture, uploads it and sets it; the avatar is fetched only once a painted row
// asks and is then painted in the message view and the member list; a guild-mate hears of it;
// the guild icon reaches the rail; removing goes back to initials. Screenshots of the dialog and
// of a channel with avatars go to $KITH_SCREENSHOTS.
#include "AppFixture.h"
#include "Screenshots.h"
#include "TestClient.h"
#include "common/RawHttp.h"
#include "state/AttachmentCache.h"
#include "ui/AvatarCropper.h"
#include "ui/ChatPane.h"
#include "ui/MessageView.h"
#include "ui/ProfileDialog.h"
#include "ui/SettingsDialog.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QPainter>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>

using namespace kith;
using namespace kith::app;
using namespace Qt::Literals::StringLiterals;

namespace {

//! A picture wider than high: a gradient, and a bright centre square with two white eyes.
QImage framedPicture(QColor centre)
{
    QImage img(400, 300, QImage::Format_RGB32);
    QPainter p(&img);
    QLinearGradient sky(0, 0, 400, 300);
    sky.setColorAt(0, QColor(40, 60, 110));
    sky.setColorAt(1, QColor(120, 200, 160));
    p.fillRect(img.rect(), sky);
    p.fillRect(QRect(110, 60, 180, 180), centre);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(Qt::white);
    p.drawEllipse(QPointF(160, 130), 14, 14);
    p.drawEllipse(QPointF(240, 130), 14, 14);
    return img;
}

} // namespace

class tst_app_avatars : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void avatarIsFetchedOnlyWhenShown();
    void profileDialogSetsAvatar();
    void guildMateHearsOfIt();
    void guildIconReachesTheRail();
    void removingGoesBackToInitials();
    void settingsOpenTheProfile();
    void dmRowShowsThePeersFace();
    void cleanupTestCase();

private:
    ProfileDialog *openDialog(Id guildId = 0);
    //! The member list's row of `userId` paints a picture (asking for it paints nothing else).
    bool memberHasAvatar(Id userId) const
    {
        const auto *m = f.state()->members();
        for (int i = 0; i < m->rowCount(); ++i)
            if (m->index(i).data(MemberListModel::UserIdRole).toULongLong() == userId)
                return !m->index(i).data(MemberListModel::AvatarRole).value<QImage>().isNull();
        return false;
    }
    bool guildHasIcon(Id guildId) const
    {
        const auto *m = f.state()->guilds();
        for (int i = 0; i < m->rowCount(); ++i)
            if (m->index(i).data(GuildListModel::IdRole).toULongLong() == guildId)
                return !m->index(i).data(GuildListModel::IconRole).value<QImage>().isNull();
        return false;
    }

    QTemporaryDir m_dir;
    AppFixture f;
    std::unique_ptr<TestClient> m_mate;
    Id m_mateId = 0;
    const QColor m_orange{240, 140, 20};
};

void tst_app_avatars::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(f.start(QDir(m_dir.path()).filePath(u"app"_s), true));
    const QString code = f.createInvite();
    QVERIFY(!code.isEmpty());
    m_mateId = f.guest(m_mate, u"mate"_s, u"Mate"_s, code);
    QVERIFY(m_mateId);
    f.app->window()->resize(1100, 760);
    f.app->window()->show();
    f.type(u"hello with a face"_s);
    QTRY_COMPARE_WITH_TIMEOUT(f.count(u"hello with a face"_s, int(MessageListModel::Status::Sent)), 1, 10000);
    QVERIFY(m_mate->call(u"message.send"_s, {{u"channel_id"_s, idJson(f.state()->currentChannel())},
                                             {u"content"_s, u"and one from a mate"_s},
                                             {u"nonce"_s, u"mate-1"_s}})
                .ok);
    QTRY_COMPARE_WITH_TIMEOUT(f.count(u"and one from a mate"_s), 1, 10000);
}

ProfileDialog *tst_app_avatars::openDialog(Id guildId)
{
    delete f.app->window()->findChild<ProfileDialog *>(); // one a failed case left open
    f.app->window()->openProfileDialog(guildId);
    auto *d = f.app->window()->findChild<ProfileDialog *>();
    if (d)
        (void)QTest::qWaitForWindowExposed(d);
    return d;
}

void tst_app_avatars::avatarIsFetchedOnlyWhenShown()
{
    // Nobody has an avatar yet: nothing is asked of the host, and the dialog exists only on demand.
    QCOMPARE(f.state()->attachments()->avatarFetches(), 0);
    QVERIFY(!f.app->window()->findChild<ProfileDialog *>());
}

void tst_app_avatars::profileDialogSetsAvatar()
{
    ProfileDialog *d = openDialog();
    QVERIFY(d);
    d->setPicture(framedPicture(m_orange));
    // The largest centred square is chosen first; zooming in keeps its centre.
    QCOMPARE(d->cropper()->selection(), QRect(50, 0, 300, 300));
    d->cropper()->zoom(0.6);
    QVERIFY((d->cropper()->selection().center() - QRect(50, 0, 300, 300).center()).manhattanLength() <= 2);
    QVERIFY(d->cropper()->selection().width() < 200);
    QVERIFY(saveScreenshot(d, u"profile-dialog.png"_s));
    QSignalSpy saved(d, &ProfileDialog::saved);
    d->save();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 15000);
    QTRY_VERIFY(!f.app->window()->findChild<ProfileDialog *>()); // deleted on close
    const QString path = f.state()->me().avatar;
    QVERIFY(path.startsWith(u"/api/v1/avatars/"_s));

    // Painting my message's header asks for it; once here it is drawn in place of the initials.
    MessageView *view = f.view();
    view->viewport()->update();
    QTRY_VERIFY_WITH_TIMEOUT(f.state()->attachments()->avatarFetches() >= 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!f.state()->attachments()->avatar(path).isNull(), 10000);
    const int row = f.rowOfText(u"hello with a face"_s);
    QVERIFY(row >= 0);
    const QRect rect = view->visualRect(f.messages()->index(row));
    QTRY_VERIFY_WITH_TIMEOUT(pixelsNear(view->viewport()->grab().toImage(), QRect(rect.left(), rect.top(), 70, 60),
                                        m_orange) > 200,
                             10000);
    // The member list too.
    QTRY_VERIFY_WITH_TIMEOUT(memberHasAvatar(f.state()->me().id), 10000);
    QVERIFY(saveScreenshot(f.app->window(), u"channel-avatars.png"_s));
}

void tst_app_avatars::guildMateHearsOfIt()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_mate->countEvents(u"user.updated"_s) >= 1, 10000);
    bool seen = false;
    for (const QJsonObject &e : m_mate->events)
        if (e.value(u"ev"_s).toString() == u"user.updated"_s)
            seen = seen || e.value(u"d"_s).toObject().value(u"user"_s).toObject().value(u"avatar"_s).toString()
                               == f.state()->me().avatar;
    QVERIFY(seen);
}

void tst_app_avatars::guildIconReachesTheRail()
{
    const Id guild = f.state()->currentGuild();
    ProfileDialog *d = openDialog(guild);
    QVERIFY(d);
    d->setPicture(framedPicture(QColor(40, 120, 230)));
    QSignalSpy saved(d, &ProfileDialog::saved);
    d->save();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 15000);
    QTRY_VERIFY(!f.state()->guild(guild).icon.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(guildHasIcon(guild), 10000);
    QVERIFY(saveScreenshot(f.app->window(), u"guild-icon.png"_s));
}

void tst_app_avatars::removingGoesBackToInitials()
{
    ProfileDialog *d = openDialog();
    QVERIFY(d);
    auto *remove = d->findChild<QPushButton *>(u"RemoveImage"_s);
    QVERIFY(remove && remove->isEnabled());
    remove->click();
    QSignalSpy saved(d, &ProfileDialog::saved);
    d->save();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 15000);
    QTRY_VERIFY(f.state()->me().avatar.isEmpty());
}

void tst_app_avatars::settingsOpenTheProfile()
{
    // Settings → My account → "Edit profile…" closes the settings and opens the profile dialog.
    bool clicked = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<SettingsDialog *>(QApplication::activeModalWidget());
        auto *edit = dialog ? dialog->findChild<QPushButton *>(u"EditProfile"_s) : nullptr;
        if (!edit || !edit->isVisibleTo(dialog)) {
            if (dialog)
                dialog->reject();
            return;
        }
        clicked = true;
        edit->click();
    });
    f.app->openSettings();
    QVERIFY(clicked);
    QTRY_VERIFY(f.app->window()->findChild<ProfileDialog *>());
    auto *d = f.app->window()->findChild<ProfileDialog *>();
    QVERIFY(QTest::qWaitForWindowExposed(d));
    d->close();
    QTRY_VERIFY(!f.app->window()->findChild<ProfileDialog *>());
}

void tst_app_avatars::dmRowShowsThePeersFace()
{
    // The mate sets a picture; my DM with them shows it in the sidebar's row, not initials.
    QImage green(64, 64, QImage::Format_RGB32);
    green.fill(QColor(30, 200, 90));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    green.save(&buffer, "PNG");
    const test::HttpReply up =
        test::httpUpload(quint16(f.app->server()->url().port()), m_mate->token, png, u"me.png"_s, "image/png");
    QVERIFY2(up.status == 201, qPrintable(up.describe()));
    QVERIFY(m_mate->call(u"user.update"_s, {{u"avatar_attachment_id"_s, up.json().value(u"id"_s)}}).ok);

    f.state()->openDm(m_mateId);
    QTRY_VERIFY_WITH_TIMEOUT(f.state()->currentGuild() == 0 && f.state()->currentChannel() != 0, 10000);
    const auto *channels = f.state()->channels();
    const auto dmRow = [&]() -> QModelIndex {
        for (int i = 0; i < channels->rowCount(); ++i)
            if (channels->index(i).data(ChannelListModel::PeerIdRole).toULongLong() == m_mateId)
                return channels->index(i);
        return {};
    };
    QTRY_VERIFY_WITH_TIMEOUT(dmRow().isValid(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!dmRow().data(ChannelListModel::AvatarRole).value<QImage>().isNull(), 10000);
    const QImage face = dmRow().data(ChannelListModel::AvatarRole).value<QImage>();
    QVERIFY(pixelsNear(face, face.rect(), QColor(30, 200, 90)) > face.width() * face.height() / 2);
    QVERIFY(saveScreenshot(f.app->window(), u"dm-avatars.png"_s));
}

void tst_app_avatars::cleanupTestCase()
{
    m_mate.reset();
    f.stop();
}

QTEST_MAIN(tst_app_avatars)
#include "tst_app_avatars.moc"
