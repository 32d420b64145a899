#pragma once
// Where app suites save the pictures they take, and how: $KITH_SCREENSHOTS when set (ctest sets
// the build folder's screenshots/), else a folder made for this run under the system's temp
// folder, so two runs on one machine never write the same file.

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QImage>
#include <QPixmap>
#include <QTemporaryDir>
#include <QWidget>

//! The folder (made on first use; printed once when it is a new temporary one).
inline QString screenshotDir()
{
    static const QString dir = [] {
        QString d = qEnvironmentVariable("KITH_SCREENSHOTS");
        if (d.isEmpty()) {
            QTemporaryDir made(QDir::temp().filePath(QStringLiteral("kith-screenshots-XXXXXX")));
            made.setAutoRemove(false); // the pictures are for people to look at after the run
            d = made.path();
            qInfo("screenshots go to %s", qPrintable(d));
        }
        QDir().mkpath(d);
        return d;
    }();
    return dir;
}

//! Runs what is already queued (layout requests, zero timers, updates) so the picture shows
//! the widget as the screen would, then saves it as `name` in screenshotDir().
inline bool saveScreenshot(QWidget *w, const QString &name)
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::processEvents();
    w->repaint();
    const QPixmap pm = w->grab();
    return !pm.isNull() && pm.save(QDir(screenshotDir()).filePath(name));
}

//! Pixels of `img` inside `area` within 24 of `c` in each channel: "that colour is drawn there".
inline int pixelsNear(const QImage &img, const QRect &area, QColor c)
{
    int n = 0;
    for (int y = qMax(0, area.top()); y <= qMin(img.height() - 1, area.bottom()); ++y)
        for (int x = qMax(0, area.left()); x <= qMin(img.width() - 1, area.right()); ++x) {
            const QColor px = img.pixelColor(x, y);
            if (qAbs(px.red() - c.red()) < 24 && qAbs(px.green() - c.green()) < 24 && qAbs(px.blue() - c.blue()) < 24)
                ++n;
        }
    return n;
}
