// wait-pingpong.c: what waiting in poll(socket, eventfd) and then recv costs against one blocking recv.
// A thread of this program answers each 40-byte request on a loopback TCP connection with REPLY bytes;
// the main thread sends and waits either way (mode 0: blocking recv; 1: poll on the socket and an
// eventfd, as a thread blocked in get() does, then a non-blocking recv). Prints round trips per second
// and the main thread's CPU per round trip.
// ping-pong over loopback TCP: a server thread echoes 16 KiB per 40-byte request;
// the client waits either in a blocking recv or in poll(socket, eventfd) + nonblocking recv.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <poll.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/eventfd.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <time.h>
#include <sys/resource.h>
static int REPLY=16384; static int N=100000;
static int port;
static void* server(void* a){ int l=*(int*)a; int c=accept(l,0,0); int one=1; setsockopt(c,IPPROTO_TCP,TCP_NODELAY,&one,4);
 char* buf=malloc(REPLY); memset(buf,'x',REPLY); char req[64];
 for(;;){ int n=recv(c,req,40,MSG_WAITALL); if(n<=0) break; send(c,buf,REPLY,0);} return 0;}
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec/1e9;}
static double tcpu(){struct timespec t;clock_gettime(CLOCK_THREAD_CPUTIME_ID,&t);return t.tv_sec+t.tv_nsec/1e9;}
int main(int argc,char**argv){ int mode=atoi(argv[1]); if(argc>2) REPLY=atoi(argv[2]);
 int l=socket(AF_INET,SOCK_STREAM,0); struct sockaddr_in a={.sin_family=AF_INET,.sin_addr.s_addr=htonl(0x7f000001)};
 bind(l,(void*)&a,sizeof a); listen(l,1); socklen_t sl=sizeof a; getsockname(l,(void*)&a,&sl);
 pthread_t t; pthread_create(&t,0,server,&l);
 int s=socket(AF_INET,SOCK_STREAM,0); connect(s,(void*)&a,sizeof a); int one=1; setsockopt(s,IPPROTO_TCP,TCP_NODELAY,&one,4);
 int efd=eventfd(0,EFD_NONBLOCK);
 char req[40]; memset(req,'r',40); char* buf=malloc(65536);
 double t0=now(), c0=tcpu();
 for(int i=0;i<N;i++){ send(s,req,40,MSG_DONTWAIT); int got=0;
  while(got<REPLY){ int n;
   if(mode==0){ n=recv(s,buf,65536,0); }
   else { struct pollfd p[2]={{s,POLLIN,0},{efd,POLLIN,0}}; poll(p,2,1000); n=recv(s,buf,65536,MSG_DONTWAIT); if(n<0) continue; }
   got+=n; } }
 double dt=now()-t0, dc=tcpu()-c0;
 printf("mode %s reply %d: %.0f rt/s, client thread CPU %.2f us/rt\n", mode?"poll+recv":"blocking recv", REPLY, N/dt, dc/N*1e6);
 return 0;}
