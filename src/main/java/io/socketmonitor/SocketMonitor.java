package io.socketmonitor;
public final class SocketMonitor { public static void main(String[] a) { System.out.println("hi"); } }
