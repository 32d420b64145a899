#pragma once
//! Picks the square of an image an avatar or icon shows: the image fitted in the widget, a square
//! over it that the mouse drags and the wheel (or +/-) makes smaller or larger, the rest dimmed.

#include <QImage>
#include <QWidget>

namespace kith::app {

class AvatarCropper : public QWidget
{
    Q_OBJECT
public:
    explicit AvatarCropper(QWidget *parent = nullptr);

    //! A new picture: the largest centred square is chosen.
    void setImage(const QImage &image);
    bool hasImage() const { return !m_image.isNull(); }
    //! The chosen square in image pixels.
    QRect selection() const { return m_square; }
    void setSelection(const QRect &square);
    //! The chosen square, at most `maxSide` wide.
    QImage cropped(int maxSide = 512) const;
    //! Grows (factor > 1) or shrinks the square around its centre.
    void zoom(double factor);

    QSize sizeHint() const override { return {280, 280}; }

signals:
    void selectionChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    //! Where the image is drawn, and how many widget pixels one image pixel takes.
    QRectF imageRect() const;
    double scale() const;
    QRect clamp(QRect square) const;

    QImage m_image;
    QRect m_square;
    QPointF m_dragFrom; //!< widget position where a drag started; null when none
    QPoint m_squareFrom;
    bool m_dragging = false;
};

} // namespace kith::app
