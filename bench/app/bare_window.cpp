// The baseline for the app's start-up: the least a Qt Widgets chat window can be (a main window
// with a list view and a line edit, shown), built with the same flags. Prints the epoch ms of
// its first paint and quits.
#include <QApplication>
#include <QDateTime>
#include <QLineEdit>
#include <QListView>
#include <QMainWindow>
#include <QStringListModel>
#include <QTimer>
#include <QVBoxLayout>
#include <cstdio>

namespace {
qint64 s_mainMs = 0; //!< when main began, for the time the loader and static constructors take
class Window : public QMainWindow
{
public:
    Window()
    {
        auto *central = new QWidget(this);
        auto *layout = new QVBoxLayout(central);
        auto *list = new QListView(central);
        list->setModel(new QStringListModel({QStringLiteral("hello"), QStringLiteral("world")}, list));
        layout->addWidget(list);
        layout->addWidget(new QLineEdit(central));
        setCentralWidget(central);
        resize(1280, 800);
    }

protected:
    void paintEvent(QPaintEvent *e) override
    {
        QMainWindow::paintEvent(e);
        if (!m_painted) {
            m_painted = true;
            std::printf("bare: main at %lld, usable at %lld epoch ms\n", s_mainMs, QDateTime::currentMSecsSinceEpoch());
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QApplication::quit);
        }
    }

private:
    bool m_painted = false;
};
} // namespace

int main(int argc, char **argv)
{
    s_mainMs = QDateTime::currentMSecsSinceEpoch();
    QApplication app(argc, argv);
    Window w;
    w.show();
    return app.exec();
}
