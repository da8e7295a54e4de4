#!/usr/bin/env bash
# Set up everything maas needs to build, lint and test, from nothing or incrementally.
#
#   - .venv (python3.11, else python3 >= 3.11) with `pip install -e '.[dev]'`;
#     skipped while the stamp of pyproject.toml's hash matches.
#   - Consul (Debian bullseye's package `consul` 1.8.7, pinned so that nothing else comes
#     from bullseye) when `consul` is not on PATH.
#   - docker-compose (Debian's package) when not on PATH, to validate compose.yaml.
#   - ghz, grpcurl and buf at pinned versions into .tools/bin with `go install`; skipped
#     when the binary there already reports the pinned module version.
#
# Idempotent and non-interactive; a second run with nothing to do takes about a second.
# With CI set, anything that cannot be installed is an error; elsewhere (a laptop that is
# not Debian, no Go) it is a warning and the tests that need the tool skip.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

# Pinned tool versions (latest releases on the Go module proxy when pinned).
GHZ_VERSION=v0.121.0
GRPCURL_VERSION=v1.9.4
BUF_VERSION=v1.75.0
CONSUL_DEB_SUITE=bullseye # Debian ships `consul` (1.8.7) in bullseye, not in bookworm.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
TOOLS="$ROOT/.tools"
TOOLS_BIN="$TOOLS/bin"
STAMP="$VENV/.maas-setup.stamp"
START=$SECONDS

log() { printf 'setup: %s\n' "$*" >&2; }
die() {
	printf 'setup: error: %s\n' "$*" >&2
	exit 1
}
# CI set to anything but empty/0/false/no/off (case-insensitive), as in tests/tools.py.
is_ci() {
	local ci="${CI:-}"
	case "${ci,,}" in "" | 0 | false | no | off) return 1 ;; *) return 0 ;; esac
}
# A missing optional prerequisite is fatal in CI (tests there must not skip), a warning elsewhere.
need() {
	if is_ci; then die "$*"; fi
	log "warning: $*"
}

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
	if command -v sudo >/dev/null; then SUDO=(sudo -n); fi
fi
as_root() {
	if [[ $(id -u) -ne 0 && ${#SUDO[@]} -eq 0 ]]; then
		die "need root (or passwordless sudo) to run: $*"
	fi
	"${SUDO[@]}" "$@"
}

APT_UPDATED=0
apt_update() {
	[[ $APT_UPDATED -eq 1 ]] && return 0
	local i
	for i in 1 2 3; do
		if as_root apt-get update -qq; then
			APT_UPDATED=1
			return 0
		fi
		log "apt-get update failed (attempt $i), retrying"
		sleep $((i * 2))
	done
	die "apt-get update failed"
}
apt_install() {
	apt_update
	as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Write $2 to file $1 (as root) only when its content differs; returns 0 when it changed.
write_if_changed() {
	local path=$1 content=$2
	if [[ -f $path ]] && [[ "$(cat "$path")" == "$content" ]]; then return 1; fi
	printf '%s\n' "$content" | as_root tee "$path" >/dev/null
	return 0
}

# --------------------------------------------------------------------------- Go tools
GO=""
if command -v go >/dev/null; then
	GO="$(command -v go)"
elif [[ -x /usr/local/go/bin/go ]]; then
	GO=/usr/local/go/bin/go
fi
if [[ -z ${HOME:-} ]]; then
	# go needs somewhere for GOPATH and GOCACHE.
	export GOPATH="$TOOLS/go" GOCACHE="$TOOLS/go-cache"
fi

# name    package                                    version          -X var for --version
GO_TOOLS=(
	"ghz     github.com/bojand/ghz/cmd/ghz                $GHZ_VERSION     main.version"
	"grpcurl github.com/fullstorydev/grpcurl/cmd/grpcurl  $GRPCURL_VERSION main.version"
	"buf     github.com/bufbuild/buf/cmd/buf              $BUF_VERSION     -"
)

# The module version recorded in a Go binary's build info, or nothing.
go_bin_version() {
	[[ -x $1 ]] || return 0
	"$GO" version -m "$1" 2>/dev/null | awk '$1 == "mod" { print $3; exit }'
}

# One background job installs the missing tools one after another: on this project's
# 2-core machines, concurrent Go builds only slow each other (and pip) down.
GO_PID=""
start_go_installs() {
	local spec name pkg version ldvar
	local needed=() names=()
	mkdir -p "$TOOLS_BIN" "$TOOLS/logs"
	for spec in "${GO_TOOLS[@]}"; do
		read -r name pkg version ldvar <<<"$spec"
		if [[ -z $GO ]]; then
			[[ -x $TOOLS_BIN/$name ]] || need "no Go toolchain found; cannot install $name"
			continue
		fi
		[[ "$(go_bin_version "$TOOLS_BIN/$name")" == "$version" ]] && continue
		needed+=("$spec")
		names+=("$name $version")
	done
	[[ ${#needed[@]} -eq 0 ]] && return 0
	log "installing $(printf '%s, ' "${names[@]}" | sed 's/, $//') with go install (in the background)"
	(
		child=""
		trap '[[ -n $child ]] && kill "$child" 2>/dev/null; exit 143' TERM
		failed=0
		for spec in "${needed[@]}"; do
			read -r name pkg version ldvar <<<"$spec"
			ldflags=()
			[[ $ldvar != - ]] && ldflags=(-ldflags "-X $ldvar=$version")
			t0=$SECONDS
			# pkg@version builds in module mode; run outside any go.mod so none interferes.
			(cd / && GOBIN="$TOOLS_BIN" exec "$GO" install "${ldflags[@]}" "$pkg@$version") \
				>"$TOOLS/logs/$name.log" 2>&1 &
			child=$!
			if wait "$child"; then
				log "$name $version installed in $((SECONDS - t0))s"
			else
				log "go install of $name $version failed; last lines of $TOOLS/logs/$name.log:"
				tail -n 20 "$TOOLS/logs/$name.log" >&2 || true
				failed=1
			fi
			child=""
		done
		exit $failed
	) &
	GO_PID=$!
}

wait_go_installs() {
	[[ -n $GO_PID ]] || return 0
	local t0=$SECONDS
	wait "$GO_PID" || die "installing Go tools failed"
	GO_PID=""
	log "go tools ready (waited $((SECONDS - t0))s for them after the other steps)"
}

# --------------------------------------------------------------------------- Python
find_python() {
	local py
	for py in python3.11 python3; do
		if command -v "$py" >/dev/null &&
			"$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
			command -v "$py"
			return 0
		fi
	done
	return 1
}

setup_venv() {
	if [[ -x $VENV/bin/python ]] &&
		! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
		log "$VENV is broken or older than Python 3.11; recreating it"
		rm -rf "$VENV"
	fi
	if [[ ! -x $VENV/bin/python ]]; then
		local py
		py="$(find_python)" || die "Python >= 3.11 not found (tried python3.11, python3)"
		log "creating $VENV with $py ($("$py" --version 2>&1))"
		if ! "$py" -m venv "$VENV" 2>/dev/null; then
			# Debian's system Python keeps venv/ensurepip in a separate package.
			rm -rf "$VENV"
			command -v apt-get >/dev/null || die "'$py -m venv' failed"
			local minor
			minor="$("$py" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
			apt_install "python$minor-venv" || apt_install python3-venv
			"$py" -m venv "$VENV" || die "'$py -m venv' failed"
		fi
	fi
	local want
	want="$(sha256sum pyproject.toml | cut -d' ' -f1) $("$VENV/bin/python" --version 2>&1)"
	if [[ -f $STAMP && "$(cat "$STAMP")" == "$want" ]]; then
		return 0
	fi
	local t0=$SECONDS
	log "installing Python dependencies (pip install -e '.[dev]')"
	rm -f "$STAMP"
	"$VENV/bin/python" -m pip install -q --upgrade pip
	"$VENV/bin/python" -m pip install -q -e '.[dev]'
	printf '%s\n' "$want" >"$STAMP"
	log "python dependencies installed in $((SECONDS - t0))s"
}

# --------------------------------------------------------------------------- Consul
# The Debian mirror this machine already uses (deb822 .sources or one-line .list files).
debian_mirror() {
	local f uri
	for f in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[[ -f $f ]] || continue
		[[ $f == */maas-* ]] && continue
		while read -r uri; do
			uri="${uri%/}"
			if [[ $uri == http*://*/debian ]]; then
				printf '%s\n' "$uri"
				return 0
			fi
		done < <(
			sed -e 's/#.*//' "$f" |
				awk '$1 == "URIs:" { for (i = 2; i <= NF; i++) print $i }
				     $1 == "deb" { for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/ && $i !~ /=/) { print $i; break } }'
		)
	done
	printf '%s\n' http://deb.debian.org/debian
}

install_consul() {
	local id="" codename=""
	if [[ -r /etc/os-release ]]; then
		# shellcheck disable=SC1091
		read -r id codename < <(. /etc/os-release && echo "${ID:-unknown} ${VERSION_CODENAME:-}")
	fi
	if [[ $id != debian ]] || ! command -v apt-get >/dev/null; then
		need "consul is not on PATH and this is not Debian (${id:-unknown}); install Consul >= 1.8 yourself"
		return 0
	fi
	if [[ $(id -u) -ne 0 && ${#SUDO[@]} -eq 0 ]]; then
		need "consul is not on PATH and installing it needs root (or passwordless sudo)"
		return 0
	fi
	local t0=$SECONDS
	if [[ $codename != "$CONSUL_DEB_SUITE" ]]; then
		local keyring=/usr/share/keyrings/debian-archive-keyring.gpg mirror
		[[ -f $keyring ]] || apt_install debian-archive-keyring
		mirror="$(debian_mirror)"
		log "adding Debian $CONSUL_DEB_SUITE ($mirror) as an apt source pinned to the consul package only"
		if write_if_changed /etc/apt/sources.list.d/maas-$CONSUL_DEB_SUITE.list \
			"deb [signed-by=$keyring] $mirror $CONSUL_DEB_SUITE main"; then
			APT_UPDATED=0
		fi
		as_root mkdir -p /etc/apt/preferences.d
		# Nothing from bullseye may be installed (priority < 0) except consul itself.
		write_if_changed /etc/apt/preferences.d/maas-$CONSUL_DEB_SUITE "$(printf '%s\n' \
			"# Written by maas scripts/setup.sh: only the consul package comes from $CONSUL_DEB_SUITE." \
			"Package: *" "Pin: release n=$CONSUL_DEB_SUITE" "Pin-Priority: -1" "" \
			"Package: consul" "Pin: release n=$CONSUL_DEB_SUITE" "Pin-Priority: 500")" || true
		APT_UPDATED=0
	fi
	log "installing consul (apt)"
	apt_install consul
	# The package's service is not started here (no systemd in containers); tests start
	# their own `consul agent -dev` on loopback.
	command -v consul >/dev/null || die "consul installed but not on PATH"
	log "consul installed in $((SECONDS - t0))s"
}

setup_consul() {
	if ! command -v consul >/dev/null; then
		install_consul
	fi
	if command -v consul >/dev/null; then
		consul version >/dev/null || die "'consul version' fails; the installed consul does not run"
	fi
}

# --------------------------------------------------------------------------- Compose
# No container engine runs here; tests/deploy validates compose.yaml with a real Compose
# implementation: Debian's `docker-compose` (1.29 in bookworm; profiles need 1.28).
COMPOSE_MIN_VERSION=1.28

setup_compose() {
	if ! command -v docker-compose >/dev/null; then
		if ! command -v apt-get >/dev/null || [[ $(id -u) -ne 0 && ${#SUDO[@]} -eq 0 ]]; then
			need "docker-compose is not on PATH and cannot be installed with apt here"
			return 0
		fi
		log "installing docker-compose (apt)"
		apt_install docker-compose
	fi
	local version
	version="$(docker-compose version --short 2>/dev/null)" || die "'docker-compose version' fails"
	if [[ "$(printf '%s\n' "$COMPOSE_MIN_VERSION" "$version" | sort -V | head -n1)" != "$COMPOSE_MIN_VERSION" ]]; then
		need "docker-compose $version is older than $COMPOSE_MIN_VERSION (compose.yaml uses profiles)"
	fi
}

# --------------------------------------------------------------------------- Java and C++ clients
# clients/java builds with Maven on Java 17 (its dependencies land in .tools/m2 when its
# test.sh runs); clients/cpp builds with CMake against Debian bookworm's gRPC 1.51 and
# protobuf 3.21, tested with Debian's GoogleTest. Regenerating the committed Java stubs
# (clients/java/gen.sh) needs protoc and protoc-gen-grpc-java: Maven Central's binaries,
# pinned by version and sha256, into .tools/bin under versioned names that
# protos/buf.gen.java.yaml names. Keep the versions equal to protobuf-java and grpc-java
# in clients/java/pom.xml. The C++ stubs are generated by Debian's protoc and
# grpc_cpp_plugin, so that they match the libraries they are compiled against.
PROTOC_JAVA_VERSION=4.35.1
GRPC_JAVA_VERSION=1.83.0
JAVA_CPP_APT_PACKAGES=(openjdk-17-jdk-headless maven cmake g++ make pkg-config libgrpc++-dev
	libprotobuf-dev protobuf-compiler protobuf-compiler-grpc libgtest-dev)
# artifact-url-path                                                        classifier      sha256
JAVA_CODEGEN_BINARIES=(
	"com/google/protobuf/protoc/$PROTOC_JAVA_VERSION/protoc-$PROTOC_JAVA_VERSION linux-x86_64 d2c65c3ea5eeb59427f684ed3e0a0cd458386122fc9f1b98de946a7242b53d31"
	"com/google/protobuf/protoc/$PROTOC_JAVA_VERSION/protoc-$PROTOC_JAVA_VERSION linux-aarch_64 608546367dd64505f3a676f30fffb546941c833aaab0ae1002c615827807d54d"
	"io/grpc/protoc-gen-grpc-java/$GRPC_JAVA_VERSION/protoc-gen-grpc-java-$GRPC_JAVA_VERSION linux-x86_64 a19ae74aa4cb03e1d01269562ac6165ec32a848a7bebd032aea9a0b9569718ba"
	"io/grpc/protoc-gen-grpc-java/$GRPC_JAVA_VERSION/protoc-gen-grpc-java-$GRPC_JAVA_VERSION linux-aarch_64 3709e4e14a60f1564255b47f6e924372dff023a1866932022be4a1ef5d595443"
)
MAVEN_CENTRAL=https://repo1.maven.org/maven2

setup_java_cpp_packages() {
	local pkg missing=()
	for pkg in "${JAVA_CPP_APT_PACKAGES[@]}"; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
			missing+=("$pkg")
	done
	[[ ${#missing[@]} -eq 0 ]] && return 0
	if ! command -v apt-get >/dev/null || [[ $(id -u) -ne 0 && ${#SUDO[@]} -eq 0 ]]; then
		need "the Java and C++ clients need ${missing[*]} (Debian package names); install them yourself"
		return 0
	fi
	local t0=$SECONDS
	log "installing ${missing[*]} (apt) for the Java and C++ clients"
	apt_install "${missing[@]}"
	log "Java and C++ client packages installed in $((SECONDS - t0))s"
}

setup_java_codegen() {
	local arch spec path classifier sha dest tmp
	case "$(uname -m)" in
	x86_64) arch=linux-x86_64 ;;
	aarch64) arch=linux-aarch_64 ;;
	*)
		need "no pinned protoc/protoc-gen-grpc-java for $(uname -m); clients/java/gen.sh cannot run"
		return 0
		;;
	esac
	mkdir -p "$TOOLS_BIN"
	for spec in "${JAVA_CODEGEN_BINARIES[@]}"; do
		read -r path classifier sha <<<"$spec"
		[[ $classifier == "$arch" ]] || continue
		dest="$TOOLS_BIN/${path##*/}"
		[[ -x $dest ]] && continue
		tmp="$(mktemp "$TOOLS_BIN/.download.XXXXXX")"
		if ! curl -fsSL --retry 3 -o "$tmp" "$MAVEN_CENTRAL/$path-$classifier.exe"; then
			rm -f "$tmp"
			need "downloading ${path##*/} from Maven Central failed"
			continue
		fi
		if [[ "$(sha256sum "$tmp" | cut -d' ' -f1)" != "$sha" ]]; then
			rm -f "$tmp"
			die "${path##*/}-$classifier.exe from Maven Central does not match its pinned sha256"
		fi
		chmod 755 "$tmp"
		mv "$tmp" "$dest"
		log "${path##*/} installed into $TOOLS_BIN"
	done
}

# --------------------------------------------------------------------------- main
# If a later step fails, stop the go installs this script started.
on_exit() {
	local status=$?
	if [[ $status -ne 0 && -n $GO_PID ]]; then kill "$GO_PID" 2>/dev/null || true; fi
}
trap on_exit EXIT
setup_consul      # apt, ~15 s: before the CPU-heavy steps
setup_compose     # apt as well
start_go_installs # slowest step (minutes from nothing): compiles while pip runs
setup_java_cpp_packages
setup_java_codegen
setup_venv
wait_go_installs

versions=()
versions+=("python $("$VENV/bin/python" -c 'import platform; print(platform.python_version())')")
if command -v consul >/dev/null; then
	versions+=("consul $(consul version | awk 'NR == 1 { print $2 }')")
else
	versions+=("consul MISSING")
fi
for spec in "${GO_TOOLS[@]}"; do
	read -r name _ _ _ <<<"$spec"
	if [[ -x $TOOLS_BIN/$name && -n $GO ]]; then
		versions+=("$name $(go_bin_version "$TOOLS_BIN/$name")")
	elif [[ -x $TOOLS_BIN/$name ]]; then
		versions+=("$name (installed)")
	else
		versions+=("$name MISSING")
	fi
done
summary="$(printf '%s, ' "${versions[@]}")"
printf 'setup: ok in %ss: %s\n' "$((SECONDS - START))" "${summary%, }"
