#!/usr/bin/env bash
# docker/local-bases.sh — local stand-ins for the two base images of docker/Dockerfile, eclipse-temurin:25-jdk and
# eclipse-temurin:25-jre, for CI and offline machines ONLY: where no image registry can be reached. On a normal
# machine do not run it: `docker build` pulls the real images from Docker Hub.
#
#   bash docker/local-bases.sh            make whichever of the two images is missing (an existing one is kept)
#   bash docker/local-bases.sh --force    replace both (the cached Debian root file system is reused)
#
# As root, with debootstrap, a Docker engine and a Temurin 25 JDK on the machine. Each stand-in is:
#   - a Debian root file system: `debootstrap --variant=minbase` of $LOCAL_BASES_SUITE (bookworm) from the Debian
#     mirror apt already uses here (/etc/apt/sources.list*; $LOCAL_BASES_MIRROR overrides), with ca-certificates and
#     curl (the Maven wrapper downloads Maven with curl or wget); groupadd/useradd (passwd) and bash come with minbase.
#     Docs, man pages, locales and apt's caches are removed. It is made once per machine and kept in
#     $LOCAL_BASES_CACHE (/var/cache/soracom-mock/local-bases), so a later run, even after `docker rmi`, only imports;
#   - the machine's Temurin 25 ($LOCAL_BASES_JDK, /usr/lib/jvm/temurin-25-jdk-amd64) at /opt/java/openjdk, with
#     JAVA_HOME, JAVA_VERSION and PATH set as in the official images (LANG is C.UTF-8: minbase has no locales);
#     lib/security/cacerts is a file: the JDK's own, or, where that is a link (a JDK from a package), the file it
#     points to (/etc/ssl/certs/java/cacerts), i.e. the machine's Java trust store;
#   - the machine's extra CAs (/usr/local/share/ca-certificates: e.g. a TLS-inspecting proxy's, as on CI machines
#     here) added to the image's trust store, so the build's curl reaches Maven Central as the machine does;
#   - for -jdk: the whole JDK; for -jre: a JRE made from that JDK with jlink: the modules the boot and platform class
#     loaders define (java.se and the jdk.* runtime modules, close to a Temurin JRE's) plus the debugger agent, no
#     compiler or development tools, with a default CDS archive (--generate-cds-archive), no headers or man pages.
# Both go in with `docker import` (one layer each) and carry the label dev.soracommock.local-base=true, so
# `docker image inspect` tells a stand-in from the real image. The real images are Ubuntu-based; nothing in
# docker/Dockerfile depends on the difference.
set -euo pipefail

docker=${DOCKER:-docker}
suite=${LOCAL_BASES_SUITE:-bookworm}
jdk_home=${LOCAL_BASES_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
cache=${LOCAL_BASES_CACHE:-/var/cache/soracom-mock/local-bases}
jdk_image=eclipse-temurin:25-jdk
jre_image=eclipse-temurin:25-jre
force=false
[[ "${1:-}" == --force ]] && force=true

say() { echo "local-bases: $*"; }
die() { echo "local-bases: $*" >&2; exit 1; }

missing=()
for image in "$jdk_image" "$jre_image"; do
  if $force || ! "$docker" image inspect "$image" >/dev/null 2>&1; then missing+=("$image"); fi
done
if (( ${#missing[@]} == 0 )); then
  say "$jdk_image and $jre_image exist already: nothing to make"
  exit 0
fi

(( EUID == 0 )) || die "must run as root (debootstrap, docker import)"
[[ -x "$jdk_home/bin/java" && -x "$jdk_home/bin/jlink" ]] || die "no JDK at $jdk_home (set LOCAL_BASES_JDK)"
feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$jdk_home/release")
[[ "$feature" == 25 ]] || die "$jdk_home is JDK ${feature:-?}, not 25 (set LOCAL_BASES_JDK)"
java_version=$(sed -n 's/^SEMANTIC_VERSION="\(.*\)"/jdk-\1/p' "$jdk_home/release")

# The Debian mirror apt uses for $suite: deb822 sources (URIs:/Suites:) or one-line sources (deb URI suite …).
mirror() {
  local files=(/etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list) f
  for f in "${files[@]}"; do
    [[ -r "$f" ]] || continue
    case "$f" in
      *.sources) awk -v s="$suite" '
          /^[[:space:]]*$/ { if (uri != "" && ok) { print uri; exit } uri = ""; ok = 0; next }
          /^URIs:/   { uri = $2 }
          /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == s) ok = 1 }
          END { if (uri != "" && ok) print uri }' "$f" ;;
      *) awk -v s="$suite" '$1 == "deb" { sub(/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?/, "");
                                          if ($2 == s) { print $1; exit } }' "$f" ;;
    esac
  done | head -n 1
}

rootfs="$cache/debian-$suite-minbase"
if [[ ! -f "$rootfs/.complete" ]]; then
  command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install debootstrap)"
  url=${LOCAL_BASES_MIRROR:-$(mirror)}
  url=${url:-http://deb.debian.org/debian}
  say "debootstrap --variant=minbase $suite from $url into $rootfs (once per machine)"
  rm -rf "$rootfs" && mkdir -p "$cache"
  started=$SECONDS
  if ! debootstrap --variant=minbase --include=ca-certificates,curl "$suite" "$rootfs" "$url" \
         >"$cache/debootstrap.log" 2>&1; then
    tail -n 30 "$cache/debootstrap.log" >&2; rm -rf "$rootfs"
    die "debootstrap failed (log: $cache/debootstrap.log)"
  fi
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* \
    "$rootfs"/var/log/*.log "$rootfs"/var/log/apt/* "$rootfs"/tmp/*
  touch "$rootfs/.complete"
  say "root file system ready in $((SECONDS - started)) s ($(du -sm "$rootfs" | cut -f1) MB)"
fi

# The machine's own extra CAs (/usr/local/share/ca-certificates, e.g. a TLS-inspecting proxy's) trusted in the
# stand-ins as on the machine: the build's curl and Maven reach Maven Central through whatever the machine goes
# through. Redone at every run (such a CA may change when the machine restarts); none: Debian's CAs only.
local_cas=(/usr/local/share/ca-certificates/*.crt)
[[ -e "${local_cas[0]}" ]] || local_cas=()
rm -rf "$rootfs/usr/local/share/ca-certificates" && mkdir -p "$rootfs/usr/local/share/ca-certificates"
(( ${#local_cas[@]} == 0 )) || cp "${local_cas[@]}" "$rootfs/usr/local/share/ca-certificates/"
chroot "$rootfs" update-ca-certificates --fresh >/dev/null 2>&1 || die "update-ca-certificates failed in $rootfs"

# The Java home of a stand-in in $1/opt/java/openjdk: "jdk" (a copy) or "jre" (jlink).
java_tree() {
  local stage=$1 kind=$2 home="$1/opt/java/openjdk"
  rm -rf "$stage" && mkdir -p "$stage/opt/java"
  if [[ "$kind" == jdk ]]; then
    cp -a "$jdk_home" "$home"
  else
    # Boot- and platform-loader modules: what `java --list-modules` has minus the tools (javac, jlink, jshell, …).
    local modules
    cat >"$cache/JreModules.java" <<'EOF'
void main() {
    var platform = ClassLoader.getPlatformClassLoader();
    IO.println(String.join(",", ModuleLayer.boot().modules().stream()
            .filter(m -> m.getClassLoader() == null || m.getClassLoader() == platform)
            .map(Module::getName).sorted().toList()));
}
EOF
    modules=$("$jdk_home/bin/java" --add-modules ALL-SYSTEM "$cache/JreModules.java" 2>/dev/null) || true
    rm -f "$cache/JreModules.java"
    [[ "$modules" == java.base,* ]] || die "could not list the JDK's runtime modules"
    "$jdk_home/bin/jlink" --add-modules "$modules,jdk.jdwp.agent" --no-header-files --no-man-pages \
      --generate-cds-archive --output "$home" >/dev/null
  fi
  # A file, not a link to the machine's /etc/ssl/certs/java/cacerts (absent in the image).
  if [[ -L "$home/lib/security/cacerts" ]]; then
    cp --remove-destination "$(readlink -f "$jdk_home/lib/security/cacerts")" "$home/lib/security/cacerts"
  fi
  "$home/bin/java" -version >/dev/null 2>&1 || die "the $kind made in $home does not run"
}

for image in "${missing[@]}"; do
  kind=${image##*-}
  stage="$cache/stage-$kind"
  started=$SECONDS
  java_tree "$stage" "$kind"
  # One tar stream: the root file system (its /opt is empty), then /opt/java (no path twice: import refuses that).
  tar --numeric-owner -C "$rootfs" --exclude ./.complete -cf - . -C "$stage" ./opt/java \
    | "$docker" import \
        --change 'ENV JAVA_HOME=/opt/java/openjdk' \
        --change "ENV JAVA_VERSION=$java_version" \
        --change 'ENV LANG=C.UTF-8' \
        --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        --change 'LABEL dev.soracommock.local-base=true' \
        --change "LABEL dev.soracommock.local-base.from=debian-$suite-minbase+$java_version-$kind" \
        --change 'CMD ["bash"]' \
        - "$image" >/dev/null
  rm -rf "$stage"
  size=$("$docker" image inspect --format '{{.Size}}' "$image")
  say "$image: local stand-in made in $((SECONDS - started)) s" \
      "($((size / 1000000)) MB; Debian $suite + $java_version $kind)"
done
