# bash completion for dcmap(1). Installed as share/bash-completion/completions/dcmap, where
# bash-completion loads it on first use; or source it from ~/.bashrc. It needs nothing from
# bash-completion itself.
#
# Hand-written so that option values (--markers clusters, --style dark) complete too. The
# "install: completion" test compares it with `dcmap <command> --help`, so an option added to the
# program and not here fails the tests.

_dcmap_commands="render validate geocode regions stats diff catalogue"
_dcmap_global_options="--help --version"
_dcmap_render_options="--output --format --style --projection --center --extent --inset --detail
    --markers --labels --key --title --width --height --scale --dpi --png --layout-json --resolved
    --catalogue --strict --svg-id-prefix --svg-text --quiet --verbose --columns --layer --size
    --as-of --facet --jobs --help"
_dcmap_validate_options="--strict --catalogue --columns --jobs --help"
_dcmap_geocode_options="--json --format --catalogue --strict --help"
_dcmap_regions_options="--provider --json --catalogue --help"
_dcmap_stats_options="--format --catalogue --help"
_dcmap_diff_options="--format --moved-km --exit-code --catalogue --output --title --style
    --projection --extent --width --height --layout-json --help"
_dcmap_catalogue_options="--help"
_dcmap_catalogue_import_options="--output --strict --help"

# Site files (*.yaml) and folders, with a slash after folders.
_dcmap_yaml_files() {
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -X '!*.yaml' -- "$1") $(compgen -f -X '!*.yml' -- "$1")
        $(compgen -d -- "$1"))
}

# Site files: YAML, or tables GDAL reads (CSV, GeoJSON, GeoPackage, Shapefile...).
_dcmap_site_files() {
    _dcmap_yaml_files "$1"
    local IFS=$'\n' ext
    for ext in csv tsv geojson gpkg shp fgb kml gml xlsx ods; do
        COMPREPLY+=($(compgen -f -X "!*.$ext" -- "$1"))
    done
}

# Any file or folder.
_dcmap_files() {
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$1"))
}

# Completes the last item of a comma-separated list ("png,s" -> "png,svg").
_dcmap_list() {
    local cur=$1 words=$2 head=""
    [[ $cur == *,* ]] && head=${cur%,*},
    COMPREPLY=($(compgen -P "$head" -W "$words" -- "${cur##*,}"))
    compopt -o nospace 2>/dev/null
}

_dcmap() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev="" i command=""
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()

    # bash splits --style=dark at '=' (COMP_WORDBREAKS): the words are --style, =, dark.
    if [[ $cur == = ]]; then
        cur=""
    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi

    # The command is the first word that is not an option: options before it take no value.
    for ((i = 1; i < COMP_CWORD; i++)); do
        if [[ ${COMP_WORDS[i]} != -* ]]; then
            if [[ $command == catalogue ]]; then
                command=catalogue_${COMP_WORDS[i]}
                break
            fi
            command=${COMP_WORDS[i]}
            [[ $command == catalogue ]] || break
        fi
    done

    case $prev in
        -o | --output) _dcmap_files "$cur"; return ;;
        --layout-json | --resolved) _dcmap_files "$cur"; return ;;
        --catalogue | --layer) _dcmap_files "$cur"; return ;;
        --columns) return ;;
        --style)
            _dcmap_yaml_files "$cur"
            COMPREPLY+=($(compgen -W "default dark print" -- "$cur"))
            return ;;
        --format)
            if [[ $command == geocode ]]; then
                COMPREPLY=($(compgen -W "table csv json" -- "$cur"))
            elif [[ $command == stats || $command == diff ]]; then
                COMPREPLY=($(compgen -W "md csv json" -- "$cur"))
            else
                _dcmap_list "$cur" "png svg pdf"
            fi
            return ;;
        --projection)
            COMPREPLY=($(compgen -W "equal-earth robinson natural-earth web-mercator plate-carree
                orthographic" -- "$cur"))
            return ;;
        --extent)
            COMPREPLY=($(compgen -W "world auto europe asia-pacific north-america latin-america
                middle-east-africa china" -- "$cur"))
            return ;;
        --inset)
            COMPREPLY=($(compgen -W "europe east-asia north-america-east auto none asia-pacific
                north-america latin-america middle-east-africa china" -- "$cur"))
            return ;;
        --detail) COMPREPLY=($(compgen -W "auto low medium" -- "$cur")); return ;;
        --markers) COMPREPLY=($(compgen -W "auto sites clusters density" -- "$cur")); return ;;
        --png) COMPREPLY=($(compgen -W "truecolor palette" -- "$cur")); return ;;
        --svg-text) COMPREPLY=($(compgen -W "text paths" -- "$cur")); return ;;
        --labels) COMPREPLY=($(compgen -W "auto name place" -- "$cur")); return ;;
        --key) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --facet) COMPREPLY=($(compgen -W "year provider status" -- "$cur")); return ;;
        --provider) COMPREPLY=($(compgen -W "aws azure gcp alibaba oracle" -- "$cur")); return ;;
        --center | --title | --width | --height | --scale | --dpi) return ;;
        --svg-id-prefix | --moved-km | --as-of | -j | --jobs) return ;;
    esac

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$_dcmap_global_options" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$_dcmap_commands" -- "$cur"))
        fi
        return
    fi

    local options_var="_dcmap_${command}_options"
    if [[ $cur == -* ]]; then
        [[ -v $options_var ]] && COMPREPLY=($(compgen -W "${!options_var}" -- "$cur"))
        return
    fi
    # Inputs: site files for render, validate, stats and diff; a site file to audit (or a place) for geocode.
    case $command in
        render | validate) _dcmap_site_files "$cur" ;;
        geocode | stats | diff) _dcmap_yaml_files "$cur" ;;
        catalogue) COMPREPLY=($(compgen -W "import" -- "$cur")) ;;
        catalogue_import) _dcmap_files "$cur" ;;
    esac
}

complete -F _dcmap dcmap
