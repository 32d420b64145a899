#include "AvatarCropper.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

namespace kith::app {

namespace {
constexpr int kMinSide = 16; // image pixels: smaller would only show blur
}

AvatarCropper::AvatarCropper(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 200);
    setCursor(Qt::OpenHandCursor);
}

void AvatarCropper::setImage(const QImage &image)
{
    m_image = image;
    const int side = qMin(image.width(), image.height());
    m_square = QRect((image.width() - side) / 2, (image.height() - side) / 2, side, side);
    update();
    emit selectionChanged();
}

void AvatarCropper::setSelection(const QRect &square)
{
    m_square = clamp(square);
    update();
    emit selectionChanged();
}

QImage AvatarCropper::cropped(int maxSide) const
{
    if (m_image.isNull() || m_square.isEmpty())
        return {};
    QImage out = m_image.copy(m_square);
    if (out.width() > maxSide)
        out = out.scaled(maxSide, maxSide, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return out;
}

void AvatarCropper::zoom(double factor)
{
    if (m_image.isNull())
        return;
    const QPoint c = m_square.center();
    const int side = qBound(qMin(kMinSide, qMin(m_image.width(), m_image.height())), int(m_square.width() * factor),
                            qMin(m_image.width(), m_image.height()));
    setSelection(QRect(c.x() - side / 2, c.y() - side / 2, side, side));
}

QRectF AvatarCropper::imageRect() const
{
    if (m_image.isNull())
        return {};
    const QSizeF fitted = QSizeF(m_image.size()).scaled(QSizeF(size()), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted);
}

double AvatarCropper::scale() const
{
    return m_image.isNull() ? 1.0 : imageRect().width() / m_image.width();
}

QRect AvatarCropper::clamp(QRect square) const
{
    const int maxSide = qMin(m_image.width(), m_image.height());
    const int side = qBound(qMin(kMinSide, maxSide), square.width(), maxSide);
    square.setSize(QSize(side, side));
    square.moveLeft(qBound(0, square.left(), m_image.width() - side));
    square.moveTop(qBound(0, square.top(), m_image.height() - side));
    return square;
}

void AvatarCropper::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    if (m_image.isNull()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("Choose an image"));
        return;
    }
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    const QRectF shown = imageRect();
    p.drawImage(shown, m_image);
    const double s = scale();
    const QRectF sel(shown.left() + m_square.left() * s, shown.top() + m_square.top() * s, m_square.width() * s,
                     m_square.height() * s);
    // Dim what is left out; the circle shows what the round avatar keeps.
    QPainterPath outside;
    outside.addRect(shown);
    QPainterPath circle;
    circle.addEllipse(sel);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillPath(outside.subtracted(circle), QColor(0, 0, 0, 140));
    p.setPen(QPen(Qt::white, 1.5, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    p.drawRect(sel);
    p.setPen(QPen(Qt::white, 2));
    p.drawEllipse(sel);
}

void AvatarCropper::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_image.isNull())
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_dragFrom = event->position();
    m_squareFrom = m_square.topLeft();
    setCursor(Qt::ClosedHandCursor);
}

void AvatarCropper::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return QWidget::mouseMoveEvent(event);
    const QPointF delta = (event->position() - m_dragFrom) / scale();
    QRect moved = m_square;
    moved.moveTopLeft(m_squareFrom + delta.toPoint());
    setSelection(moved);
}

void AvatarCropper::mouseReleaseEvent(QMouseEvent *event)
{
    m_dragging = false;
    setCursor(Qt::OpenHandCursor);
    QWidget::mouseReleaseEvent(event);
}

void AvatarCropper::wheelEvent(QWheelEvent *event)
{
    // Wheel up zooms in: a smaller square of the picture fills the avatar.
    const int steps = event->angleDelta().y() / 120;
    if (steps)
        zoom(steps > 0 ? 0.9 : 1.0 / 0.9);
    event->accept();
}

void AvatarCropper::keyPressEvent(QKeyEvent *event)
{
    const int step = qMax(1, m_square.width() / 20);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoom(0.9); return;
    case Qt::Key_Minus: zoom(1.0 / 0.9); return;
    case Qt::Key_Left: setSelection(m_square.translated(-step, 0)); return;
    case Qt::Key_Right: setSelection(m_square.translated(step, 0)); return;
    case Qt::Key_Up: setSelection(m_square.translated(0, -step)); return;
    case Qt::Key_Down: setSelection(m_square.translated(0, step)); return;
    default: QWidget::keyPressEvent(event);
    }
}

} // namespace kith::app
