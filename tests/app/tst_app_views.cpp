// The app's live lists (members, channels, friends, the server rail, the connection log,
// search results) draw a row the moment it is in the model: a repaint of the list before Qt's
// delayed layout has run shows the rows, not an empty list.
#include "ui/LaidOutView.h"

#include <QApplication>
#include <QImage>
#include <QListView>
#include <QListWidget>
#include <QStringListModel>
#include <QTest>

using namespace Qt::StringLiterals;
using kith::app::LaidOutView;

class tst_app_views : public QObject
{
    Q_OBJECT

private slots:
    void listViewPaintsInsertedRows();
    void listWidgetPaintsInsertedRows();
};

namespace {

// Dark pixels (text) in a row of a white list painted in black.
int inkIn(const QImage &shot, const QRect &r)
{
    int n = 0;
    for (int y = qMax(0, r.top()); y <= r.bottom() && y < shot.height(); ++y)
        for (int x = qMax(0, r.left()); x <= r.right() && x < shot.width(); ++x)
            n += qGray(shot.pixel(x, y)) < 128;
    return n;
}

void blackOnWhite(QAbstractItemView *view)
{
    QPalette p = view->palette();
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, Qt::black);
    view->setPalette(p);
    view->resize(240, 200);
    view->show();
}

} // namespace

void tst_app_views::listViewPaintsInsertedRows()
{
    QStringListModel model({u"Alice"_s, u"Bob"_s});
    LaidOutView<QListView> view;
    view.setModel(&model);
    blackOnWhite(&view);
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_VERIFY(inkIn(view.viewport()->grab().toImage(), view.visualRect(model.index(1, 0))) > 0);

    // A member comes online: the row is inserted, and the list repaints before any event ran.
    model.insertRows(0, 1);
    model.setData(model.index(0, 0), u"Carol"_s);
    const QImage shot = view.viewport()->grab().toImage();
    // The rectangles are asked for after the picture: asking lays the rows out.
    for (int row = 0; row < 3; ++row)
        QVERIFY2(inkIn(shot, view.visualRect(model.index(row, 0))) > 0, qPrintable(u"row %1 not drawn"_s.arg(row)));
}

void tst_app_views::listWidgetPaintsInsertedRows()
{
    LaidOutView<QListWidget> list;
    list.addItems({u"Alice"_s, u"Bob"_s});
    blackOnWhite(&list);
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    QTRY_VERIFY(inkIn(list.viewport()->grab().toImage(), list.visualItemRect(list.item(1))) > 0);

    list.addItem(u"Carol"_s); // a friend request comes in
    const QImage shot = list.viewport()->grab().toImage();
    for (int row = 0; row < 3; ++row)
        QVERIFY2(inkIn(shot, list.visualItemRect(list.item(row))) > 0, qPrintable(u"row %1 not drawn"_s.arg(row)));
}

QTEST_MAIN(tst_app_views)
#include "tst_app_views.moc"
