#pragma once
//! A colour or none, as a row of two buttons: "Pick…" (a QColorDialog; the button then shows
//! the swatch and "#rrggbb") and "None".

#include <QWidget>

class QPushButton;

namespace kith::app {

class ColorPicker : public QWidget
{
    Q_OBJECT
public:
    explicit ColorPicker(QWidget *parent = nullptr);
    //! "#rrggbb" (lower-case), or empty for none.
    QString color() const { return m_color; }
    void setColor(const QString &color);

signals:
    void colorChanged(const QString &color);

private:
    void show();

    QPushButton *m_pick;
    QPushButton *m_none;
    QString m_color;
};

} // namespace kith::app
