// Read by jemalloc when it starts; nothing in the program refers to it.
extern const char *malloc_conf;
