#include "Icons.h"

#include "Theme.h"

#include <QApplication>
#include <QIconEngine>
#include <QImage>
#include <QImageReader>
#include <QPainter>
#include <QPixmapCache>
#include <QStyle>
#include <QStyleOption>
#include <QPainterPath>
#include <QPixmap>
#include <QRegularExpression>
#include <QtMath>
#include <algorithm>
#include <iterator>

namespace kith::app::icons {

QString initials(const QString &name)
{
    const QStringList words = name.split(QRegularExpression(QStringLiteral("[\\s_.-]+")), Qt::SkipEmptyParts);
    QString out;
    for (const QString &w : words) {
        out += w.at(0).toUpper();
        if (out.size() == 2)
            break;
    }
    return out.isEmpty() ? QStringLiteral("?") : out;
}

void paint(QPainter *p, Kind kind, const QRectF &r, const QColor &color)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const qreal s = qMin(r.width(), r.height());
    const QPointF c = r.center();
    QPen pen(color, qMax<qreal>(1.5, s / 11), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p->setPen(pen);
    p->setBrush(Qt::NoBrush);
    const qreal u = s / 20; // drawn on a 20-unit grid
    auto pt = [&](qreal x, qreal y) { return QPointF(c.x() + (x - 10) * u, c.y() + (y - 10) * u); };
    switch (kind) {
    case Kind::Hash:
        p->drawLine(pt(8, 3), pt(6, 17));
        p->drawLine(pt(14, 3), pt(12, 17));
        p->drawLine(pt(3.5, 7.5), pt(16.5, 7.5));
        p->drawLine(pt(3, 12.5), pt(16, 12.5));
        break;
    case Kind::Hourglass: {
        QPainterPath glass;
        glass.moveTo(pt(6, 3.5));
        glass.lineTo(pt(14, 3.5));
        glass.lineTo(pt(10.6, 10));
        glass.lineTo(pt(14, 16.5));
        glass.lineTo(pt(6, 16.5));
        glass.lineTo(pt(9.4, 10));
        glass.closeSubpath();
        p->drawPath(glass);
        p->drawLine(pt(4.5, 3), pt(15.5, 3));
        p->drawLine(pt(4.5, 17), pt(15.5, 17));
        QPainterPath sand;
        sand.moveTo(pt(10, 12.5));
        sand.lineTo(pt(12.8, 16));
        sand.lineTo(pt(7.2, 16));
        sand.closeSubpath();
        p->setBrush(color);
        p->drawPath(sand);
        break;
    }
    case Kind::Dice: {
        p->drawRoundedRect(QRectF(pt(3.5, 3.5), pt(16.5, 16.5)), 3 * u, 3 * u);
        p->setPen(Qt::NoPen);
        p->setBrush(color);
        for (const QPointF &pip : {pt(7, 7), pt(10, 10), pt(13, 13)})
            p->drawEllipse(pip, 1.7 * u, 1.7 * u);
        break;
    }
    case Kind::Broadcast: {
        // A mast sending waves both ways: the party is announced on the network.
        p->setBrush(color);
        p->drawEllipse(pt(10, 10), 1.6 * u, 1.6 * u);
        p->setBrush(Qt::NoBrush);
        p->drawArc(QRectF(pt(5.5, 5.5), pt(14.5, 14.5)), -45 * 16, 90 * 16);
        p->drawArc(QRectF(pt(5.5, 5.5), pt(14.5, 14.5)), 135 * 16, 90 * 16);
        p->drawArc(QRectF(pt(2, 2), pt(18, 18)), -45 * 16, 90 * 16);
        p->drawArc(QRectF(pt(2, 2), pt(18, 18)), 135 * 16, 90 * 16);
        break;
    }
    case Kind::Smiley:
    case Kind::AddReaction: {
        // A face; "add reaction" leaves a gap at the top right for a small plus.
        const bool add = kind == Kind::AddReaction;
        const QRectF face(pt(add ? 2.5 : 3, add ? 4.5 : 3), pt(add ? 15.5 : 17, add ? 17.5 : 17));
        if (add)
            p->drawArc(face, 75 * 16, 285 * 16);
        else
            p->drawEllipse(face);
        p->setBrush(color);
        const QPointF fc = face.center();
        const qreal eye = face.width() * 0.16;
        p->drawEllipse(fc + QPointF(-eye, -eye), 0.9 * u, 0.9 * u);
        p->drawEllipse(fc + QPointF(eye, -eye), 0.9 * u, 0.9 * u);
        p->setBrush(Qt::NoBrush);
        const qreal m = face.width() * 0.27;
        p->drawArc(QRectF(fc - QPointF(m, m * 0.55), QSizeF(2 * m, 2 * m)), 200 * 16, 140 * 16);
        if (add) {
            p->drawLine(pt(15.5, 1.5), pt(15.5, 7.5));
            p->drawLine(pt(12.5, 4.5), pt(18.5, 4.5));
        }
        break;
    }
    case Kind::Reply: {
        // An arrow turning back to the left: answer this.
        QPainterPath path;
        path.moveTo(pt(16.5, 15.5));
        path.cubicTo(pt(16.5, 9.5), pt(13, 8), pt(4.5, 8));
        p->drawPath(path);
        p->drawPolyline(QPolygonF{pt(8.5, 4), pt(4.5, 8), pt(8.5, 12)});
        break;
    }
    case Kind::Plus:
        p->drawLine(pt(10, 4), pt(10, 16));
        p->drawLine(pt(4, 10), pt(16, 10));
        break;
    case Kind::Close:
        p->drawLine(pt(5, 5), pt(15, 15));
        p->drawLine(pt(15, 5), pt(5, 15));
        break;
    case Kind::ChevronDown:
        p->drawPolyline(QPolygonF{pt(5, 8), pt(10, 13), pt(15, 8)});
        break;
    case Kind::Search:
        p->drawEllipse(QRectF(pt(3.5, 3.5), pt(13.5, 13.5)));
        p->drawLine(pt(12.2, 12.2), pt(16.5, 16.5));
        break;
    case Kind::Check:
        p->drawPolyline(QPolygonF{pt(4.5, 10.5), pt(8.5, 14.5), pt(15.5, 6)});
        break;
    case Kind::More:
        p->setBrush(color);
        for (qreal x : {5.0, 10.0, 15.0})
            p->drawEllipse(pt(x, 10), 1.2 * u, 1.2 * u);
        break;
    case Kind::Menu:
        for (qreal y : {5.5, 10.0, 14.5})
            p->drawLine(pt(4, y), pt(16, y));
        break;
    case Kind::Gear: {
        p->drawEllipse(c, 2.6 * u, 2.6 * u);
        QPainterPath path;
        for (int i = 0; i < 8; ++i) {
            const qreal a0 = qDegreesToRadians(i * 45.0 - 12), a1 = qDegreesToRadians(i * 45.0 + 12);
            const qreal a2 = qDegreesToRadians(i * 45.0 + 33);
            const qreal ro = 8 * u, ri = 6 * u;
            auto at = [&](qreal a, qreal rr) { return QPointF(c.x() + rr * qCos(a), c.y() + rr * qSin(a)); };
            if (i == 0)
                path.moveTo(at(a0, ro));
            else
                path.lineTo(at(a0, ro));
            path.lineTo(at(a1, ro));
            path.lineTo(at(qDegreesToRadians(i * 45.0 + 20), ri));
            path.lineTo(at(a2 - qDegreesToRadians(8.0), ri));
        }
        path.closeSubpath();
        p->drawPath(path);
        break;
    }
    case Kind::Send: {
        QPainterPath path;
        path.moveTo(pt(3, 4));
        path.lineTo(pt(17, 10));
        path.lineTo(pt(3, 16));
        path.lineTo(pt(5.5, 10));
        path.closeSubpath();
        p->setBrush(color);
        p->drawPath(path);
        break;
    }
    case Kind::Logo: {
        // A speech bubble with a small tail: the Kith mark.
        QPainterPath path;
        path.addRoundedRect(QRectF(pt(2.5, 3), pt(17.5, 14.5)), 4.5 * u, 4.5 * u);
        QPainterPath tail;
        tail.moveTo(pt(6, 13));
        tail.lineTo(pt(5, 18));
        tail.lineTo(pt(10.5, 13.5));
        tail.closeSubpath();
        p->setBrush(color);
        p->setPen(Qt::NoPen);
        p->drawPath(path.united(tail));
        break;
    }
    case Kind::People:
        p->drawEllipse(pt(7.5, 7), 2.8 * u, 2.8 * u);
        p->drawArc(QRectF(pt(2.5, 11.5), pt(12.5, 21)), 0, 180 * 16);
        p->drawEllipse(pt(14, 7.5), 2.3 * u, 2.3 * u);
        p->drawArc(QRectF(pt(11, 12), pt(18, 19.5)), 0, 160 * 16);
        break;
    case Kind::Compass: {
        p->drawEllipse(c, 7.5 * u, 7.5 * u);
        QPainterPath needle;
        needle.moveTo(pt(13.5, 6.5));
        needle.lineTo(pt(11, 11));
        needle.lineTo(pt(6.5, 13.5));
        needle.lineTo(pt(9, 9));
        needle.closeSubpath();
        p->setBrush(color);
        p->drawPath(needle);
        break;
    }
    case Kind::Lock: {
        QPainterPath shackle;
        shackle.moveTo(pt(6.5, 9));
        shackle.lineTo(pt(6.5, 6.5));
        shackle.arcTo(QRectF(pt(6.5, 3), pt(13.5, 10)), 180, -180);
        shackle.lineTo(pt(13.5, 9));
        p->drawPath(shackle);
        p->setBrush(color);
        p->drawRoundedRect(QRectF(pt(4.5, 9), pt(15.5, 17)), 1.5 * u, 1.5 * u);
        break;
    }
    }
    p->restore();
}

namespace {

//! An icon made at the size and pixel ratio asked for, when asked, as the SVG icon engine does,
//! and kept in QPixmapCache. Ready-made pixmaps instead (1x and 2x for every icon) cost memory
//! for pixmaps never shown, and each kept the raster paint engine that drew it.
class OnDemandEngine : public QIconEngine
{
public:
    //! `largest`: never larger than this, as an icon of pixmaps is never larger than its pixmaps.
    explicit OnDemandEngine(QSize largest) : m_largest(largest) {}

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size.boundedTo(m_largest); }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override
    {
        return render(size.boundedTo(m_largest), mode);
    }

    void virtual_hook(int id, void *data) override
    {
        if (id == QIconEngine::ScaledPixmapHook) {
            auto *arg = static_cast<QIconEngine::ScaledPixmapArgument *>(data);
            arg->pixmap = render(arg->size.boundedTo(m_largest * arg->scale), arg->mode);
            return;
        }
        QIconEngine::virtual_hook(id, data);
    }

    void paint(QPainter *p, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal dpr = p->device() ? p->device()->devicePixelRatioF() : 1.0;
        p->drawPixmap(rect, render(rect.size() * dpr, mode));
    }

protected:
    //! The icon at exactly `size` device pixels.
    virtual QImage make(const QSize &size) const = 0;
    //! What tells this icon from others in the pixmap cache.
    virtual QString cacheKey() const = 0;

    QSize m_largest;

private:
    QPixmap render(const QSize &size, QIcon::Mode mode) const
    {
        if (size.isEmpty())
            return {};
        const QString key = QStringLiteral("kith-icon-%1-%2x%3-%4")
                                .arg(cacheKey())
                                .arg(size.width())
                                .arg(size.height())
                                .arg(int(mode));
        QPixmap pm;
        if (QPixmapCache::find(key, &pm))
            return pm;
        pm = QPixmap::fromImage(make(size));
        if (mode == QIcon::Disabled) {
            QStyleOption opt;
            opt.palette = QGuiApplication::palette();
            pm = QApplication::style()->generatedIconPixmap(mode, pm, &opt);
        }
        QPixmapCache::insert(key, pm);
        return pm;
    }
};

//! A glyph drawn with QPainter in one colour.
class GlyphEngine final : public OnDemandEngine
{
public:
    GlyphEngine(Kind kind, const QColor &color, int size)
        : OnDemandEngine(QSize(size, size)), m_kind(kind), m_color(color)
    {
    }
    QIconEngine *clone() const override { return new GlyphEngine(m_kind, m_color, m_largest.width()); }
    QString key() const override { return QStringLiteral("kith-glyph"); }

protected:
    QImage make(const QSize &size) const override
    {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter p(&image);
            icons::paint(&p, m_kind, QRectF(QPointF(0, 0), QSizeF(size)), m_color);
        }
        return image.copy(); // leaves the raster engine that drew it behind, with its image
    }
    QString cacheKey() const override { return QStringLiteral("g%1-%2").arg(int(m_kind)).arg(m_color.rgba(), 0, 16); }

private:
    Kind m_kind;
    QColor m_color;
};

// The artwork's sizes in the resources (app/ui/CMakeLists.txt), rendered from
// resources/icons/chat.kith.Kith.svg by packaging/icons/render.sh, as the installed icons are.
// Up to 128 px: X11 sends every size of a window icon to the display server.
constexpr int kArtworkSizes[] = {16, 24, 32, 48, 64, 128};

//! The artwork's file of `side` px, read by Qt's own PNG reader.
QImage readArtwork(int side)
{
    QImageReader reader(QStringLiteral(":/icons/kith-%1.png").arg(side), "png");
    reader.setAutoDetectImageFormat(false); // else every image-format plugin is loaded to ask about "png"
    return reader.read();
}

//! The app's artwork, read from the resources by Qt's own PNG reader at the nearest size up.
class ArtworkEngine final : public OnDemandEngine
{
public:
    ArtworkEngine() : OnDemandEngine(QSize(128, 128)) {}
    QIconEngine *clone() const override { return new ArtworkEngine; }
    QString key() const override { return QStringLiteral("kith-artwork"); }
    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        QList<QSize> sizes;
        for (const int s : kArtworkSizes)
            sizes.append(QSize(s, s));
        return sizes;
    }

protected:
    QImage make(const QSize &size) const override
    {
        const int want = qMax(size.width(), size.height());
        const auto file = std::find_if(std::begin(kArtworkSizes), std::end(kArtworkSizes), [want](int s) { return s >= want; });
        const int side = file == std::end(kArtworkSizes) ? kArtworkSizes[std::size(kArtworkSizes) - 1] : *file;
        const QImage image = readArtwork(side);
        return image.size() == size ? image : image.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    }
    QString cacheKey() const override { return QStringLiteral("art"); }
};

} // namespace

void warmUp()
{
    readArtwork(kArtworkSizes[0]);
}

QIcon appIcon()
{
    return QIcon(new ArtworkEngine);
}

QIcon make(Kind kind, const QColor &color, int size)
{
    if (kind == Kind::Logo)
        return appIcon();
    return QIcon(new GlyphEngine(kind, color, size));
}

void paintAvatar(QPainter *p, const QRectF &r, quint64 id, const QString &name, const Theme &theme)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(Qt::NoPen);
    p->setBrush(theme.idColor(id));
    p->drawEllipse(r);
    QFont f = p->font();
    // About 0.38 of the circle, at the sizes names and headings use (13 and 15 px, semi-bold):
    // a font of its own would cost a fontconfig match the first time an avatar is drawn.
    int px = qMax(8, int(r.height() * 0.38));
    if (px == 12 || px == 14)
        ++px;
    f.setPixelSize(px);
    f.setWeight(QFont::DemiBold);
    p->setFont(f);
    p->setPen(theme.color(QStringLiteral("accentText")));
    p->drawText(r, Qt::AlignCenter, initials(name));
    p->restore();
}

void paintAvatar(QPainter *p, const QRectF &r, quint64 id, const QString &name, const Theme &theme, const QImage &image)
{
    if (image.isNull())
        return paintAvatar(p, r, id, name, theme);
    QPainterPath circle;
    circle.addEllipse(r);
    paintImageIn(p, r, circle, image);
}

void paintImageIn(QPainter *p, const QRectF &r, const QPainterPath &shape, const QImage &image)
{
    // A textured brush rather than a clip: clip paths are not antialiased, brush edges are.
    QBrush brush(image);
    QTransform t;
    t.translate(r.left(), r.top());
    t.scale(r.width() / image.width(), r.height() / image.height());
    brush.setTransform(t);
    p->save();
    p->setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    p->setPen(Qt::NoPen);
    p->setBrush(brush);
    p->drawPath(shape);
    p->restore();
}

void paintPresence(QPainter *p, const QPointF &center, qreal radius, const QString &status,
                   const QColor &ring, const Theme &theme)
{
    const QString key = status == u"online" ? QStringLiteral("success")
        : status == u"idle"                 ? QStringLiteral("warning")
        : status == u"dnd"                  ? QStringLiteral("danger")
                                            : QStringLiteral("textFaint");
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(QPen(ring, radius * 0.5));
    p->setBrush(theme.color(key));
    p->drawEllipse(center, radius, radius);
    // Offline and invisible are hollow, dnd has a bar, as people know them from elsewhere.
    if (status != u"online" && status != u"idle" && status != u"dnd") {
        p->setPen(Qt::NoPen);
        p->setBrush(ring);
        p->drawEllipse(center, radius * 0.45, radius * 0.45);
    } else if (status == u"dnd") {
        p->setPen(Qt::NoPen);
        p->setBrush(ring);
        p->drawRoundedRect(QRectF(center.x() - radius * 0.55, center.y() - radius * 0.16, radius * 1.1, radius * 0.32),
                           radius * 0.16, radius * 0.16);
    }
    p->restore();
}

void paintBadge(QPainter *p, const QPointF &center, int count, const QColor &ring, const Theme &theme)
{
    if (count <= 0)
        return;
    const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    QFont f = p->font();
    f.setPixelSize(11);
    f.setWeight(QFont::Bold);
    p->setFont(f);
    const qreal h = 16;
    const qreal w = qMax(h, QFontMetricsF(f).horizontalAdvance(text) + 9);
    const QRectF r(center.x() - w / 2, center.y() - h / 2, w, h);
    p->setPen(QPen(ring, 3));
    p->setBrush(theme.color(QStringLiteral("danger")));
    p->drawRoundedRect(r, h / 2, h / 2);
    p->setPen(theme.color(QStringLiteral("accentText")));
    p->drawText(r, Qt::AlignCenter, text);
    p->restore();
}

} // namespace kith::app::icons
