/*
 * Minimal epoll greet-and-close server: the baseline the benchmark compares Socket Monitor with.
 * Same work as the lecture's server: accept, print "Connected to ('ip', port)", send the
 * greeting, close. Stdout is fully buffered (as it is for Python and Java when redirected).
 *
 *   greet_server PORT [--quiet]       binds 127.0.0.1:PORT, runs until SIGTERM/SIGINT
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

static volatile sig_atomic_t stop_flag;
static void on_signal(int sig) { (void)sig; stop_flag = 1; }

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s PORT [--quiet]\n", argv[0]);
        return 2;
    }
    int port = atoi(argv[1]);
    int quiet = argc > 2 && strcmp(argv[2], "--quiet") == 0;
    static const char greeting[] = "Hello from server\n";
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    int ls = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(ls, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(ls, 511) < 0) {
        perror("bind/listen");
        return 1;
    }
    printf("Listening on 127.0.0.1:%d for connections\n", port);
    fflush(stdout);

    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = ls};
    epoll_ctl(ep, EPOLL_CTL_ADD, ls, &ev);
    unsigned long served = 0;
    while (!stop_flag) {
        struct epoll_event got[8];
        int n = epoll_wait(ep, got, 8, 200);
        if (n < 0) {
            if (errno == EINTR) continue;
            perror("epoll_wait");
            break;
        }
        if (n == 0) {
            fflush(stdout);
            continue;
        }
        for (;;) {
            struct sockaddr_in peer;
            socklen_t plen = sizeof peer;
            int fd = accept4(ls, (struct sockaddr *)&peer, &plen, SOCK_NONBLOCK);
            if (fd < 0) {
                if (errno == EINTR) continue;
                break; /* EAGAIN: drained; anything else: try again on the next wake-up */
            }
            if (!quiet) {
                char ip[INET_ADDRSTRLEN];
                inet_ntop(AF_INET, &peer.sin_addr, ip, sizeof ip);
                printf("Connected to ('%s', %u)\n", ip, ntohs(peer.sin_port));
            }
            /* 18 bytes always fit an empty socket buffer: one write, then close (FIN). */
            ssize_t w = write(fd, greeting, sizeof greeting - 1);
            (void)w;
            close(fd);
            served++;
        }
    }
    printf("Stopped: served %lu\n", served);
    fflush(stdout);
    return 0;
}
