// What several browser journeys do with the demo: log in as a demo account (Korean or English login page),
// and find a piece of the logged-in maker's workshop that can be bought now.

export async function login(page, email, landing = /\/account$/) {
  await page.getByLabel(/이메일|Email/).fill(email);
  await page.getByLabel(/비밀번호|Password/).fill('brilliant-demo');
  await page.getByRole('button', { name: /로그인|Log in/ }).click();
  await page.waitForURL(landing);
}

// A piece in stock (not made to order) of the logged-in maker's workshop: its slug.
export async function makersPiece(page, base) {
  const profile = await (await page.request.get(`${base}/api/v1/console/profile`)).json();
  const list = await (await page.request.get(`${base}/api/v1/products?workshop=${profile.slug}`)).json();
  for (const card of list.cards) {
    const product = await (await page.request.get(`${base}/api/v1/products/${card.slug}`)).json();
    if (!product.made_to_order && product.variants.some((v) => v.stock > 0)) return product.slug;
  }
  return undefined;
}
