#include "AttachmentPainter.h"

#include "Theme.h"
#include "state/AttachmentCache.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFontMetrics>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace kith::app {

namespace {
constexpr int kCardW = 380;
constexpr int kCardH = 60;
constexpr int kSave = 28;
} // namespace

QSize AttachmentPainter::imageSize(const Attachment &a, int width)
{
    QSize s(a.width, a.height);
    const QSize box(qMin(kMaxImageW, width), kMaxImageH);
    if (s.width() > box.width() || s.height() > box.height())
        s = s.scaled(box, Qt::KeepAspectRatio);
    return s.expandedTo(QSize(1, 1));
}

QList<AttachmentPainter::Box> AttachmentPainter::layout(const QList<Attachment> &list, int width, int top)
{
    QList<Box> out;
    int y = top;
    for (int i = 0; i < list.size(); ++i) {
        const Attachment &a = list[i];
        Box b;
        b.index = i;
        if (isImage(a)) {
            b.image = true;
            b.rect = QRect(QPoint(0, y), imageSize(a, width));
        } else {
            b.rect = QRect(0, y, qMin(kCardW, width), kCardH);
            if (a.id)
                b.save = QRect(b.rect.right() - 12 - kSave, y + (kCardH - kSave) / 2, kSave, kSave);
        }
        out.append(b);
        y = b.rect.bottom() + 1 + kGap;
    }
    return out;
}

int AttachmentPainter::bottom(const QList<Box> &boxes, int top)
{
    return boxes.isEmpty() ? top : boxes.last().rect.bottom() + 1;
}

void AttachmentPainter::paintFileIcon(QPainter *p, const QRectF &r, const QString &filename, const Theme &theme)
{
    const qreal fold = r.width() * 0.3;
    QPainterPath page;
    page.moveTo(r.topLeft());
    page.lineTo(r.right() - fold, r.top());
    page.lineTo(r.right(), r.top() + fold);
    page.lineTo(r.bottomRight());
    page.lineTo(r.bottomLeft());
    page.closeSubpath();
    p->setPen(Qt::NoPen);
    p->setBrush(theme.color(QStringLiteral("accent")));
    p->drawPath(page);
    QColor corner = theme.color(QStringLiteral("accentText"));
    corner.setAlphaF(0.45);
    p->setBrush(corner);
    QPainterPath dog;
    dog.moveTo(r.right() - fold, r.top());
    dog.lineTo(r.right() - fold, r.top() + fold);
    dog.lineTo(r.right(), r.top() + fold);
    dog.closeSubpath();
    p->drawPath(dog);
    const QString ext = QFileInfo(filename).suffix().left(4).toUpper();
    if (!ext.isEmpty()) {
        QFont f = p->font();
        f.setPixelSize(qMax(7, int(r.width() / 3.2)));
        f.setBold(true);
        p->setFont(f);
        p->setPen(theme.color(QStringLiteral("accentText")));
        p->drawText(r.adjusted(0, fold, 0, 0), Qt::AlignCenter, ext);
    }
}

void AttachmentPainter::paint(QPainter *p, const QList<Attachment> &list, const QList<Box> &boxes,
                              AttachmentCache *cache, const Theme &theme, const QFont &font)
{
    for (const Box &b : boxes) {
        const Attachment &a = list[b.index];
        if (b.image) {
            const QImage thumb = cache ? cache->thumbnail(a) : QImage();
            QPainterPath clip;
            clip.addRoundedRect(QRectF(b.rect), 6, 6);
            if (thumb.isNull()) {
                // Its place, at its final size, until the bytes come.
                p->fillPath(clip, theme.color(QStringLiteral("input")));
                continue;
            }
            p->save();
            p->setClipPath(clip);
            p->setRenderHint(QPainter::SmoothPixmapTransform);
            p->drawImage(b.rect, thumb);
            p->restore();
            continue;
        }
        const QRectF box = QRectF(b.rect).adjusted(0.5, 0.5, -0.5, -0.5);
        p->setPen(QPen(theme.color(QStringLiteral("separator")), 1));
        p->setBrush(theme.color(QStringLiteral("codeBg")));
        p->drawRoundedRect(box, 6, 6);
        paintFileIcon(p, QRectF(b.rect.left() + 12, b.rect.top() + 12, 28, 36), a.filename, theme);
        const int textX = b.rect.left() + 52;
        const int textW = (b.save.isEmpty() ? b.rect.right() - 12 : b.save.left() - 8) - textX;
        QFont name = font;
        name.setWeight(QFont::DemiBold);
        p->setFont(name);
        p->setPen(theme.color(QStringLiteral("link")));
        const QFontMetrics nfm(name);
        p->drawText(QPoint(textX, b.rect.top() + 14 + nfm.ascent()),
                    nfm.elidedText(a.filename, Qt::ElideMiddle, textW));
        QFont small = font;
        small.setPointSizeF(small.pointSizeF() * 0.8);
        p->setFont(small);
        p->setPen(theme.color(QStringLiteral("textFaint")));
        const QString size = QLocale().formattedDataSize(a.size);
        p->drawText(QPoint(textX, b.rect.top() + 14 + nfm.height() + QFontMetrics(small).ascent() + 2),
                    a.id ? size : QCoreApplication::translate("kith::app::AttachmentPainter", "%1 · waiting to upload").arg(size));
        if (!b.save.isEmpty()) {
            // A download arrow over a tray.
            const QRectF s = QRectF(b.save).adjusted(6, 5, -6, -5);
            p->setPen(QPen(theme.color(QStringLiteral("textMuted")), 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p->setBrush(Qt::NoBrush);
            const qreal cx = s.center().x();
            p->drawLine(QPointF(cx, s.top()), QPointF(cx, s.bottom() - 5));
            p->drawPolyline(QPolygonF({QPointF(cx - 5, s.bottom() - 10), QPointF(cx, s.bottom() - 5),
                                       QPointF(cx + 5, s.bottom() - 10)}));
            p->drawPolyline(QPolygonF({QPointF(s.left(), s.bottom() - 4), QPointF(s.left(), s.bottom()),
                                       QPointF(s.right(), s.bottom()), QPointF(s.right(), s.bottom() - 4)}));
        }
    }
}

} // namespace kith::app
