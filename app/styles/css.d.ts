// The classic Remix compiler turns a plain `.css` import into the file's URL (for links()).
declare module '*.css' {
  const href: string;
  export default href;
}
