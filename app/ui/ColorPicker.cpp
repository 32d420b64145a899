#include "ColorPicker.h"

#include <QColorDialog>
#include <QHBoxLayout>
#include <QPixmap>
#include <QPushButton>

namespace kith::app {

ColorPicker::ColorPicker(QWidget *parent)
    : QWidget(parent)
    , m_pick(new QPushButton(this))
    , m_none(new QPushButton(tr("None"), this))
{
    m_pick->setObjectName(QStringLiteral("PickColor"));
    m_none->setObjectName(QStringLiteral("NoColor"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_pick);
    row->addWidget(m_none);
    row->addStretch(1);
    connect(m_pick, &QPushButton::clicked, this, [this] {
        // A child opened window-modal, so that tests and screen readers find it in the dialog.
        auto *picker = new QColorDialog(m_color.isEmpty() ? QColor(0x99, 0xaa, 0xb5) : QColor(m_color), this);
        picker->setAttribute(Qt::WA_DeleteOnClose);
        connect(picker, &QColorDialog::colorSelected, this, [this](const QColor &c) { setColor(c.name()); });
        picker->open();
    });
    connect(m_none, &QPushButton::clicked, this, [this] { setColor({}); });
    show();
}

void ColorPicker::setColor(const QString &color)
{
    const QString c = color.toLower();
    if (c == m_color)
        return;
    m_color = c;
    show();
    emit colorChanged(m_color);
}

void ColorPicker::show()
{
    m_pick->setText(m_color.isEmpty() ? tr("Pick…") : m_color);
    m_pick->setAccessibleName(m_color.isEmpty() ? tr("Pick a colour") : tr("Colour %1").arg(m_color));
    QPixmap swatch(14, 14);
    swatch.fill(m_color.isEmpty() ? Qt::transparent : QColor(m_color));
    m_pick->setIcon(m_color.isEmpty() ? QIcon() : QIcon(swatch));
    m_none->setEnabled(!m_color.isEmpty());
}

} // namespace kith::app
