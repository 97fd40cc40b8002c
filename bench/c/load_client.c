/*
 * Tight greet-and-close load client: keeps CONC connections in flight on loopback, each one
 * connect, wait for the server's FIN (EPOLLRDHUP), read the greeting once, close. One epoll set
 * per thread, no allocation per connection.
 *
 *   load_client HOST PORT TOTAL [CONC=8] [EXPECT_BYTES=18] [RATE=0] [THREADS=1]
 *
 * RATE: connections/s, 0 = as fast as possible. THREADS: the CONC connections are split over
 * that many threads (like `wrk -t2 -c8`), so on a machine with more than one core the client
 * is not held to one of them; connections in flight stay CONC in all.
 *
 * Prints one line: key=value pairs (conns, ok, bad, secs, rate, cpu_user, cpu_sys); the CPU is
 * the whole process's (getrusage), every thread included.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_THREADS 64

static struct sockaddr_in target;
static long received[1 << 16]; /* bytes so far, by descriptor (descriptors are per process) */
static long total, expect;
static double t0;
static atomic_long claimed; /* connections handed out to the threads so far, at most total */

struct worker {
    pthread_t thread;
    int conc;
    double rate; /* this thread's share of RATE */
    long started, done, ok, bad, failed_connect;
};

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One more connection for this thread, if the total and the pace allow it. */
static int may_start(struct worker *w) {
    if (w->rate > 0 && w->started >= (long)(w->rate * (now_s() - t0)) + 1) return 0;
    if (atomic_fetch_add(&claimed, 1) >= total) {
        atomic_fetch_sub(&claimed, 1);
        return 0;
    }
    return 1;
}

static int open_one(int ep) {
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (fd < 0) return -1;
    if (fd >= (1 << 16)) { close(fd); return -1; }
    if (connect(fd, (struct sockaddr *)&target, sizeof target) < 0 && errno != EINPROGRESS) {
        close(fd);
        return -1;
    }
    struct epoll_event ev = {.events = EPOLLRDHUP | EPOLLIN, .data.fd = fd};
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    return fd;
}

/* Opens one connection for a slot may_start claimed; 0 when connect failed (out of
 * descriptors or ports): the slot is given back, to be tried again on a later pass. */
static int start_one(struct worker *w, int ep, long *in_flight) {
    if (open_one(ep) >= 0) {
        w->started++;
        (*in_flight)++;
        return 1;
    }
    w->failed_connect++;
    atomic_fetch_sub(&claimed, 1);
    return 0;
}

/* Tops this thread up to its share of connections in flight, as far as the pace allows. */
static void fill(struct worker *w, int ep, long *in_flight) {
    while (*in_flight < w->conc && may_start(w) && start_one(w, ep, in_flight)) {
    }
}

static void *run(void *arg) {
    struct worker *w = arg;
    int ep = epoll_create1(0);
    long in_flight = 0;
    char buf[4096];
    double deadline = t0 + 120.0; /* bounded in time whatever the server does */
    /* Until every connection is claimed (by this thread or another) and this thread's are done. */
    while ((in_flight > 0 || atomic_load(&claimed) < total) && now_s() < deadline) {
        struct epoll_event got[64];
        fill(w, ep, &in_flight);
        /* Nothing in flight: waiting for the pace or to retry a failed connect. */
        int n = epoll_wait(ep, got, 64, w->rate > 0 || in_flight == 0 ? 1 : 1000);
        for (int i = 0; i < n; i++) {
            int fd = got[i].data.fd;
            long have = received[fd];
            int finished = 0;
            for (;;) {
                ssize_t r = read(fd, buf, sizeof buf);
                if (r > 0) { have += r; continue; }
                if (r == 0) finished = 1;
                else if (errno != EAGAIN) finished = 2;
                break;
            }
            if (!finished && !(got[i].events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR))) {
                received[fd] = have;
                continue; /* data without FIN yet: wait */
            }
            /* A level-triggered EPOLLRDHUP wake-up normally finds data then EOF in one pass. */
            if (finished == 1 && have == expect) w->ok++; else w->bad++;
            received[fd] = 0;
            close(fd);
            w->done++;
            in_flight--;
            if (in_flight < w->conc && may_start(w)) start_one(w, ep, &in_flight);
        }
    }
    close(ep);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s HOST PORT TOTAL [CONC=8] [EXPECT_BYTES=18] [RATE=0] [THREADS=1]\n", argv[0]);
        return 2;
    }
    memset(&target, 0, sizeof target);
    target.sin_family = AF_INET;
    target.sin_port = htons((unsigned short)atoi(argv[2]));
    if (inet_pton(AF_INET, argv[1], &target.sin_addr) != 1 || !(ntohl(target.sin_addr.s_addr) >> 24 == 127)) {
        fprintf(stderr, "loopback IPv4 addresses only\n");
        return 2;
    }
    total = atol(argv[3]);
    int conc = argc > 4 ? atoi(argv[4]) : 8;
    expect = argc > 5 ? atol(argv[5]) : 18;
    double rate = argc > 6 ? atof(argv[6]) : 0;
    int threads = argc > 7 ? atoi(argv[7]) : 1;
    if (conc < 1 || threads < 1 || threads > MAX_THREADS || threads > conc) {
        fprintf(stderr, "need 1 <= THREADS <= CONC and THREADS <= %d\n", MAX_THREADS);
        return 2;
    }
    static struct worker workers[MAX_THREADS];
    t0 = now_s();
    for (int i = 0; i < threads; i++) {
        workers[i].conc = conc / threads + (i < conc % threads); /* 8 over 3 threads: 3, 3, 2 */
        workers[i].rate = rate * workers[i].conc / conc;
        if (threads == 1) {
            run(&workers[0]); /* no extra thread when there is one */
        } else if (pthread_create(&workers[i].thread, NULL, run, &workers[i]) != 0) {
            fprintf(stderr, "cannot start thread %d\n", i + 1);
            return 2;
        }
    }
    long done = 0, ok = 0, bad = 0, failed_connect = 0;
    for (int i = 0; i < threads; i++) {
        if (threads > 1) pthread_join(workers[i].thread, NULL);
        done += workers[i].done; ok += workers[i].ok; bad += workers[i].bad;
        failed_connect += workers[i].failed_connect;
    }
    double secs = now_s() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("conns=%ld ok=%ld bad=%ld connect_failed=%ld secs=%.4f rate=%.1f cpu_user=%.4f cpu_sys=%.4f threads=%d\n",
           done, ok, bad, failed_connect, secs, done / secs,
           ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6, ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6, threads);
    return bad || done < total ? 1 : 0;
}
